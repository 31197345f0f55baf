# Race three report sources; keep the ones that answer within the budget and
# cancel the stragglers (script tasks cancelled, host tools told so), then
# confirm with a human which figures go into the summary.
import asyncio


async def source(name, slow):
    if slow:
        return await slow_report(name)
    rows = await query_rows(name, 0, 3)
    return f"{name}: {len(rows)} rows"


async def main():
    tasks = {name: asyncio.create_task(source(name, slow)) for name, slow in
             [("orders", False), ("forecast", True), ("tickets", False), ("churn", True)]}
    await asyncio.sleep(1.0)
    for name, task in tasks.items():
        if not task.done():
            task.cancel()
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
    kept = {}
    for name, result in zip(tasks, results):
        if isinstance(result, asyncio.CancelledError):
            print(name, "cancelled")
        else:
            kept[name] = result
    decision = approval(f"Use {len(kept)} of {len(tasks)} sources: {', '.join(kept)}")
    print(decision, kept)


asyncio.run(main())
