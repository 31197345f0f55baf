# Producer/consumer over an asyncio.Queue: a producer pages through orders
# with the host pager and puts them on the queue, then one None sentinel per
# worker; workers amortize each amount in a hot loop and large orders wait
# for a review inside the worker. Results are printed sorted by order id.
import asyncio
import json
from decimal import Decimal


def amortize(amount, months, rate):
    balance = float(amount)
    paid = 0.0
    payment = round(balance / months * (1 + rate * 100), 2)
    for month in range(months):
        interest = round(balance * rate, 4)
        step = min(payment, balance + interest)
        balance = balance + interest - step
        paid += step
        if balance <= 0.005:
            return month + 1, round(paid, 2)
    return months, round(paid, 2)


async def producer(queue, workers):
    async for order in paged_rows("orders", 3):
        await queue.put(order)
    for _ in range(workers):
        await queue.put(None)


async def worker(queue, results):
    while True:
        order = await queue.get()
        if order is None:
            return
        months, paid = amortize(order["amount"], 120, 0.01)
        status = order["status"]
        if Decimal(order["amount"]) > 300:
            decision = await request_review(f"Finance order {order['id']} of {order['amount']} EUR over {months} months")
            status = f"{status}/{decision}"
        results[order["id"]] = {"months": months, "paid": paid, "status": status}


async def main():
    queue = asyncio.Queue(maxsize=4)
    results = {}
    workers = [asyncio.create_task(worker(queue, results)) for _ in range(3)]
    await producer(queue, len(workers))
    await asyncio.gather(*workers)
    for oid in sorted(results):
        print(oid, json.dumps(results[oid], sort_keys=True))
    financed = sorted(oid for oid, r in results.items() if r["status"].endswith("approved"))
    total = sum(r["paid"] for r in results.values())
    print("financed:", financed, "total paid:", round(total, 2), "empty:", queue.empty())
    note = await request_review(f"Close the financing batch of {len(results)} orders")
    print("batch:", note)


asyncio.run(main())
