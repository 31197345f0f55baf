# A producer pages orders into a Queue and ends with one sentinel per
# consumer; consumers ask for approval of the large orders (a sync wait inside
# a task), call task_done(), and main joins the queue before gathering.
import asyncio
from decimal import Decimal

SENTINEL = None


async def producer(queue, consumers):
    offset = 0
    while True:
        rows = await query_rows("orders", offset, 4)
        if not rows:
            break
        for row in rows:
            await queue.put(row)
        offset += len(rows)
    for _ in range(consumers):
        await queue.put(SENTINEL)


async def consumer(name, queue, ledger):
    handled = 0
    while True:
        order = await queue.get()
        try:
            if order is SENTINEL:
                return name, handled
            amount = Decimal(order["amount"])
            if amount > 100 and order["status"] == "paid":
                decision = approval(f"Book order {order['id']} of {amount} EUR")
            else:
                decision = "auto"
            ledger.append((order["id"], str(amount), decision))
            handled += 1
            await asyncio.sleep(0)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=3)
    ledger = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, ledger)) for i in range(2)]
    await producer(queue, len(consumers))
    await queue.join()
    done = await asyncio.gather(*consumers)
    print("handled in total:", sum(n for _, n in done), sorted(name for name, _ in done))
    for row in sorted(ledger):
        print(*row)
    booked = sum(Decimal(a) for _, a, d in ledger if d == "approved")
    print("booked:", booked)


asyncio.run(main())
