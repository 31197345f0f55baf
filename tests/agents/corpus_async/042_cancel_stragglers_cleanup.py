# Start report tasks, wait for the first batch with asyncio.wait and a
# timeout, cancel the stragglers; each task's CancelledError handler records
# the cleanup and re-raises; a human confirms the partial result.
import asyncio


async def build(name, slow, cleaned):
    try:
        if slow:
            return await slow_report(name)
        rows = await query_rows(name, 0, 5)
        summary = await ask_model(f"Summarize: {len(rows)} rows of {name}")
        return f"{name}: {summary}"
    except asyncio.CancelledError:
        cleaned.append(name)
        effect({"cancelled": name})
        raise


async def main():
    cleaned = []
    specs = [("orders", False), ("forecast", True), ("events", False), ("audit", True), ("tickets", False)]
    tasks = [asyncio.create_task(build(n, s, cleaned), name=n) for n, s in specs]
    done, pending = await asyncio.wait(tasks, timeout=2.0)
    for task in pending:
        task.cancel()
    for task in sorted(pending, key=lambda t: t.get_name()):
        try:
            await task
        except asyncio.CancelledError:
            print("stopped", task.get_name(), task.cancelled())
    results = sorted(t.result() for t in done)
    for line in results:
        print(line)
    decision = approval(f"Publish {len(results)} of {len(tasks)} reports; cancelled {sorted(cleaned)}")
    print(decision, sorted(t.get_name() for t in pending))


asyncio.run(main())
