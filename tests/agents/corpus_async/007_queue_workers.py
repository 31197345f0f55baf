# A producer pages through the orders into an asyncio.Queue; three consumer
# tasks summarize each order with the model, and a disputed or large one
# needs a human approval inside the consumer task.
import asyncio
import json

DONE = None


async def producer(queue, consumers):
    async for order in paged_rows("orders", 3):
        await queue.put(order)
    for _ in range(consumers):
        await queue.put(DONE)


async def consumer(queue, results):
    while (order := await queue.get()) is not DONE:
        note = await ask_model(f"Summarize: order {order['id']} of {order['amount']} EUR is {order['status']}")
        entry = {"id": order["id"], "note": note.removeprefix("Summary: ")[:30]}
        if order["status"] == "disputed" or float(order["amount"]) > 300:
            decision = approval(f"Refund order {order['id']} of {order['amount']} EUR")
            entry["refund"] = order["amount"] if decision == "approved" else "denied"
        results.append(entry)


async def main(consumers=3):
    queue = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(queue, consumers), *(consumer(queue, results) for _ in range(consumers)))
    results.sort(key=lambda e: e["id"])
    for entry in results:
        print(json.dumps(entry, sort_keys=True))
    refunds = {e["id"]: e["refund"] for e in results if "refund" in e}
    print("refund decisions:", refunds)


asyncio.run(main())
