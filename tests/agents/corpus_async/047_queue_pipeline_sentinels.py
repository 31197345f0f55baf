# A support triage pipeline: a producer leases tickets from the support queue
# (a temporal wait per lease) and feeds an asyncio.Queue; three workers
# classify each ticket with the async model, ask a human before escalating,
# and stop on a sentinel each.
import asyncio
import json

WORKERS = 3
STOP = object()


async def producer(queue):
    leased = []
    while True:
        task = next_task("support")
        if task is None:
            break
        leased.append(task["id"])
        await queue.put(task)
    for _ in range(WORKERS):
        await queue.put(STOP)
    return leased


async def worker(wid, queue, results):
    processed = 0
    while True:
        item = await queue.get()
        if item is STOP:
            queue.task_done()
            break
        payload = item["payload"]
        label = await ask_model(f"Classify ticket {payload['ticket']} from {payload['customer']}")
        escalate = label in ("bug", "billing")
        decision = approval(f"Escalate ticket {payload['ticket']} ({label})") if escalate else "not needed"
        results[item["id"]] = {"ticket": payload["ticket"], "label": label, "escalation": decision}
        processed += 1
        queue.task_done()
    return processed


async def main():
    queue = asyncio.Queue(maxsize=2)
    results = {}
    workers = [asyncio.create_task(worker(i, queue, results)) for i in range(WORKERS)]
    leased = await producer(queue)
    await queue.join()
    counts = await asyncio.gather(*workers)
    print("leased:", leased)
    print("processed in total:", sum(counts), "by", len(counts), "workers")
    for task_id in sorted(results):
        print(task_id, json.dumps(results[task_id], sort_keys=True))
    escalated = sorted(r["ticket"] for r in results.values() if r["escalation"] == "approved")
    print(f"escalated tickets: {escalated}")
    return results


final = asyncio.run(main())
print("done:", len(final))
