# Triage jobs through an asyncio.PriorityQueue of dataclass(order=True)
# records (priority, then sequence; the payload excluded from comparisons
# with field(compare=False)): a producer pages the tickets and enqueues them,
# three workers pop the most urgent first, ask the model, wait for a human
# review of priority-1 jobs and requeue a rejected one once at a lower
# priority via dataclasses.replace; sentinels sort last; results are
# printed sorted, and a LifoQueue undoes the accepted jobs in reverse.
import asyncio
import dataclasses
import itertools
from dataclasses import dataclass, field

SENTINEL_PRIORITY = 99
seq = itertools.count()


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    payload: dict = field(compare=False, default_factory=dict)
    attempts: int = field(compare=False, default=0)
    tags: list = field(compare=False, default_factory=list)


async def producer(queue):
    n = 0
    async for ticket in paged_rows("tickets", page_size=4):
        await queue.put(Job(ticket["priority"], next(seq), ticket))
        n += 1
    return n


async def worker(name, queue, results, undo):
    handled = 0
    while True:
        job = await queue.get()
        try:
            if job.priority == SENTINEL_PRIORITY:
                return name, handled
            handled += 1
            label = await ask_model(f"Classify: {job.payload['subject']}")
            verdict = "auto"
            if job.priority == 1:
                verdict = await request_review(f"Hotfix {'production ' * (job.payload['id'] == 11)}ticket {job.payload['id']}: {job.payload['subject']}")
                if verdict != "approved" and job.attempts == 0:
                    await queue.put(dataclasses.replace(job, priority=5, attempts=1, tags=[*job.tags, "requeued"]))
                    continue
            results[job.payload["id"]] = (job.priority, label, verdict, job.attempts, tuple(job.tags))
            if verdict in ("auto", "approved"):
                await undo.put(job.payload["id"])
        finally:
            queue.task_done()


async def main():
    queue, undo, results = asyncio.PriorityQueue(), asyncio.LifoQueue(), {}
    produced = await producer(queue)
    print("queued:", produced, "qsize:", queue.qsize(), "head:", queue._queue[0].payload["id"])
    workers = [asyncio.create_task(worker(f"w{i}", queue, results, undo)) for i in range(3)]
    await queue.join()
    for _ in workers:
        await queue.put(Job(SENTINEL_PRIORITY, next(seq)))
    finished = await asyncio.gather(*workers)
    print("handled total:", sum(n for _, n in finished), sorted(name for name, _ in finished))
    for tid, row in sorted(results.items()):
        print(f"  ticket {tid:>2}: p{row[0]} {row[1]:<9} {row[2]:<9} attempts={row[3]} tags={list(row[4])}")
    order = []
    while not undo.empty():
        order.append(undo.get_nowait())
    print("undo stack size:", len(order), "sorted:", sorted(order))
    gate = await request_review(f"Close the triage of {len(results)} tickets")
    print("close:", gate, Job(1, 0) < Job(1, 1), Job(2, 0, {"x": 1}) == Job(2, 0, {"y": 2}))


asyncio.run(main())
