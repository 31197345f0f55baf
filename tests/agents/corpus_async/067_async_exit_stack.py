# Open one session per service with contextlib.AsyncExitStack, plus a
# script-written asynccontextmanager; a cleanup callback pushed on the stack
# waits for a review when the stack unwinds. Totals come from a hot loop.
# Top-level await.
import contextlib
import json
from decimal import Decimal

SERVICES = ["billing", "crm", "mail"]
closed = []


@contextlib.asynccontextmanager
async def batch(name):
    rows = []
    try:
        yield rows
    finally:
        closed.append((name, len(rows)))


async def sign_off(stats):
    decision = await request_review(f"Sign off the nightly run with {stats['orders']} orders")
    stats["signed"] = decision == "approved"


def totals(orders, rounds):
    paid = Decimal(0)
    by_status = {}
    for i in range(rounds):
        o = orders[i % len(orders)]
        by_status[o["status"]] = by_status.get(o["status"], 0) + 1
        if o["status"] == "paid":
            paid += Decimal(o["amount"])
    return paid, by_status


stats = {"orders": 0}
async with contextlib.AsyncExitStack() as stack:
    sessions = {s: await stack.enter_async_context(open_session(s)) for s in SERVICES}
    rows = await stack.enter_async_context(batch("nightly"))
    stack.push_async_callback(sign_off, stats)
    orders = [o async for o in paged_rows("orders", 4)]
    stats["orders"] = len(orders)
    paid, by_status = totals(orders, 400)
    owner = await sessions["crm"].user("ben")
    for o in orders:
        if o["status"] == "disputed":
            verdict = await request_review(f"Refund disputed order {o['id']} of {o['amount']}")
            rows.append({"order": o["id"], "verdict": verdict})
            await sessions["billing"].post("/disputes", {"order": o["id"], "verdict": verdict})
    print("tokens:", sorted(s.token is not None for s in sessions.values()))
print("paid:", paid, json.dumps(by_status, sort_keys=True))
print("owner:", owner["email"], "closed:", closed, "stats:", stats)
print("requests:", {s: api.requests for s, api in sessions.items()})
