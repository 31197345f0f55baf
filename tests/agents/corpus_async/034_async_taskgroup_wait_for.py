# expect-error: builtins.TimeoutError
# Load tables in a TaskGroup where one load fails (the handler waits for an
# approval), put wait_for timeouts around a slow report (the fallback waits
# for the model), and end on a timeout no handler catches.
import asyncio


async def load(kind, name):
    if kind == "page":
        return await fetch_url(name)
    return await query_rows(name, 0, 2)


async def report_or_fallback(name):
    try:
        return await asyncio.wait_for(slow_report(name), timeout=0.05)
    except TimeoutError:
        summary = llm(f"Summarize: report {name} timed out")
        return f"fallback {summary}"
    finally:
        effect({"report": name, "finished": True})


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(load("rows", "orders"))
            group.create_task(load("page", "https://shop.example/nowhere"))
    except* ToolError as errors:
        codes = sorted(e.code for e in errors.exceptions)
        decision = approval(f"Ignore failed loads with codes {codes}")
        print("group failed:", codes, decision)
    fast = await asyncio.wait_for(ask_model("classify the ledger"), timeout=10)
    print("fast:", fast)
    print(await report_or_fallback("weekly"))
    try:
        await asyncio.wait_for(slow_report("monthly"), timeout=0.05)
    except TimeoutError as err:
        note = approval("Extend the deadline for the monthly report")
        print("monthly timed out:", type(err).__name__, note)
        raise


asyncio.run(main())
