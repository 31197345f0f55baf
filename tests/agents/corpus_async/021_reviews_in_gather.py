# Submit expense claims for review concurrently at top level: gather over
# coroutines that await the async temporal request_review, so every task
# waits on a pending review at once.
import asyncio
from decimal import Decimal

claims = [
    ("taxi to airport", Decimal("42.50")),
    ("wire transfer to new supplier", Decimal("1800.00")),
    ("team lunch", Decimal("96.20")),
]


async def review(item, amount):
    summary = await ask_model(f"Summarize: expense claim {item} of {amount} EUR")
    decision = await request_review(f"Expense: {item} ({amount} EUR)")
    return item, amount, decision, summary.removeprefix("Summary: ")


outcomes = await asyncio.gather(*(review(item, amount) for item, amount in claims))
paid = Decimal("0")
for item, amount, decision, summary in outcomes:
    print(f"{item:<30} {amount:>8} {decision}")
    if decision == "approved":
        paid += amount
print("paid:", paid)
db_write([{"item": i, "decision": d} for i, _, d, _ in outcomes], table="claims")
