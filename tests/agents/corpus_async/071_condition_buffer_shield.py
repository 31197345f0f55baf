# A producer pages through the orders and, once a human releases them,
# publishes them under an asyncio.Condition to two consumers that label each
# order with the model, a disputed one after a human review; the last
# consumer to finish sets an Event the auditor waits on, and the final
# ledger commit is shielded from the cancellation of the task awaiting it.
import asyncio
from decimal import Decimal


class Buffer:
    def __init__(self):
        self.items = []
        self.closed = False
        self.cond = asyncio.Condition()
        self.drained = asyncio.Event()
        self.active = 2

    async def publish(self, items):
        async with self.cond:
            self.items.extend(items)
            self.closed = True
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items or self.closed)
            if not self.items:
                return None
            return self.items.pop(0)


async def producer(buf):
    orders = [order async for order in paged_rows("orders", page_size=3)]
    open_orders = [o for o in orders if o["status"] != "refunded"]
    if await request_review(f"Release {len(open_orders)} of {len(orders)} orders to the labellers") == "approved":
        await buf.publish(open_orders)
    else:
        await buf.publish([])
    return len(open_orders)


async def consumer(buf, ledger):
    while (order := await buf.get()) is not None:
        label = await ask_model(f"Classify: order {order['id']} is {order['status']}")
        verdict = "auto"
        if order["status"] == "disputed":
            verdict = await request_review(f"Refund disputed order {order['id']} of {order['amount']}")
        ledger[order["id"]] = (Decimal(order["amount"]), label, verdict)
    buf.active -= 1
    if buf.active == 0:
        buf.drained.set()


async def auditor(buf, ledger):
    await buf.drained.wait()
    total = sum(amount for amount, _, _ in ledger.values())
    return await request_review(f"Audit {len(ledger)} orders totalling {total}")


async def commit(ledger, audit):
    rows = [{"id": k, "amount": str(v[0])} for k, v in sorted(ledger.items()) if v[2] != "rejected"]
    await asyncio.sleep(0.01)
    return db_write(rows, table="ledger") if audit == "approved" else 0


async def main():
    buf, ledger = Buffer(), {}
    audit_task = asyncio.create_task(auditor(buf, ledger))
    produced, *_ = await asyncio.gather(producer(buf), consumer(buf, ledger), consumer(buf, ledger))
    audit = await audit_task
    inner = asyncio.ensure_future(commit(ledger, audit))
    outer = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), timeout=10))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, commit done:", inner.done())
    written = await inner
    for oid, (amount, label, verdict) in sorted(ledger.items()):
        print(oid, amount, label, verdict)
    print("produced:", produced, "audit:", audit, "written:", written)
    print("confirm:", approval(f"Close the ledger with {written} rows"))


asyncio.run(main())
