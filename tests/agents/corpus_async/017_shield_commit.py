# The commit of an approved order is shielded: the step that awaited it is
# cancelled, yet the commit goes on and its receipt is used afterwards.
import asyncio


async def commit(api, order, gate):
    await gate.wait()
    return await api.post("/orders/commit", {"id": order["id"], "amount": order["amount"]})


async def step(commit_task, log):
    try:
        return await asyncio.shield(commit_task)
    except asyncio.CancelledError:
        log.append("step cancelled, commit continues")
        raise


async def main():
    orders = export("orders")
    order = max(orders, key=lambda o: float(o["amount"]))
    decision = approval(f"Commit order {order['id']} of {order['amount']} EUR")
    print(order["id"], decision)
    log = []
    async with open_session("billing") as api:
        gate = asyncio.Event()
        commit_task = asyncio.create_task(commit(api, order, gate))
        outer = asyncio.create_task(step(commit_task, log))
        await asyncio.sleep(0)
        outer.cancel()
        try:
            await outer
        except asyncio.CancelledError:
            log.append("outer cancelled")
        gate.set()
        receipt = await commit_task
    print(log)
    print(receipt["path"], receipt["ok"], commit_task.cancelled())


asyncio.run(main())
