# Report jobs run as named tasks with done callbacks; the slow ones are
# cancelled while they await (one with a message), and each one's
# CancelledError handler logs, waits for a human to confirm the cleanup,
# and re-raises; asyncio.timeout and wait_for bound the others; the
# callbacks' records are sorted and printed.
import asyncio

finished = []


def record(task):
    if task.cancelled():
        finished.append((task.get_name(), "cancelled"))
    elif task.exception() is not None:
        finished.append((task.get_name(), type(task.exception()).__name__))
    else:
        finished.append((task.get_name(), "ok"))


async def report(name, slow, cleanups):
    try:
        if slow:
            return await slow_report(name)
        rows = await query_rows(name, 0, 4)
        return f"{name}: {len(rows)} rows"
    except asyncio.CancelledError as cancel:
        reason = cancel.args[0] if cancel.args else "no reason"
        effect({"cleanup": name, "reason": reason})
        cleanups[name] = (reason, await request_review(f"Discard the partial {name} report ({reason})"))
        raise


async def bounded(name):
    try:
        async with asyncio.timeout(0.05):
            return await slow_report(name)
    except TimeoutError:
        label = await asyncio.wait_for(ask_model(f"Classify: {name} report timed out"), timeout=10)
        return f"{name}: fallback {label}"


async def main():
    cleanups = {}
    specs = [("orders", False), ("forecast", True), ("tickets", False), ("audit", True)]
    tasks = []
    for name, slow in specs:
        task = asyncio.create_task(report(name, slow, cleanups))
        task.set_name(f"report-{name}")
        task.add_done_callback(record)
        tasks.append(task)
    done, pending = await asyncio.wait(tasks, timeout=1.0)
    for task in sorted(pending, key=lambda t: t.get_name()):
        task.cancel("budget exceeded" if "audit" in task.get_name() else None)
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    for task, outcome in zip(tasks, outcomes):
        kind = "cancelled" if isinstance(outcome, asyncio.CancelledError) else outcome
        print(task.get_name(), "->", kind)
    extra = asyncio.create_task(bounded("inventory"), name="bounded-inventory")
    extra.add_done_callback(record)
    print(await extra)
    try:
        await asyncio.wait_for(slow_report("archive"), timeout=0.05)
    except TimeoutError:
        print("archive timed out:", approval("Retry the archive report tonight"))
    await asyncio.sleep(0)
    print("callbacks:", sorted(finished))
    print("cleanups:", sorted(cleanups.items()))


asyncio.run(main())
