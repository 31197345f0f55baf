# Workers consume a Queue with task_done()/join(): each job exports a table
# (waited on inside the worker task) and counts its rows; once the queue is
# drained (within a time budget) the workers are cancelled, as the asyncio
# docs show.
import asyncio
import collections


async def worker(queue, counts):
    while True:
        table = await queue.get()
        try:
            rows = export(table)
            counts[table] = len(rows)
            await asyncio.sleep(0.001)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    for table in ("orders", "customers", "events", "invoices"):
        queue.put_nowait(table)
    counts = collections.Counter()
    workers = [asyncio.create_task(worker(queue, counts)) for _ in range(2)]
    async with asyncio.timeout(20):
        await queue.join()
    for w in workers:
        w.cancel()
    outcomes = await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(counts.items()), [type(o).__name__ for o in outcomes])
    print(approval(f"Archive {sum(counts.values())} exported rows"))


asyncio.run(main())
