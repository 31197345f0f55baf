# Rank paid orders: rows from an export become frozen, ordered, slotted
# dataclasses whose __post_init__ validates and asks the model for a risk
# score; they are sorted, put in a set, and the top ones picked with
# heapq.nlargest by a key that waits for an approval.
import heapq
from dataclasses import dataclass, field, fields, asdict
from decimal import Decimal


@dataclass(order=True, frozen=True, slots=True)
class Order:
    amount: Decimal
    id: int
    status: str = field(compare=False)
    risk: int = field(default=0, compare=False)

    def __post_init__(self):
        if self.amount < 0:
            raise ValueError(f"negative amount on order {self.id}")
        if not self.risk:
            object.__setattr__(self, "risk", int(llm(f"Give a score for fraud risk of order {self.id}")))


rows = export("orders")
orders = [Order(Decimal(r["amount"]), r["id"], r["status"]) for r in rows if r["status"] != "refunded"]
print("loaded", len(orders), "orders;", [f.name for f in fields(Order) if f.compare])
ranked = sorted(orders, reverse=True)
for o in ranked[:4]:
    print(f"{o.id:>4} {o.amount:>9,.2f} {o.status:<9} risk={o.risk:03d}")

unique = {o for o in orders} | {Order(Decimal("129.90"), 101, "paid", risk=1)}
print("distinct:", len(unique), "equal despite risk:", Order(Decimal("1"), 1, "a", 5) == Order(Decimal("1"), 1, "b", 9))


def review_key(order):
    verdict = approval(f"Release order {order.id} worth {order.amount} EUR")
    return (verdict == "approved", order.risk)


top = heapq.nlargest(3, orders, key=review_key)
print("release first:", [o.id for o in top])
cheapest = min(orders, key=lambda o: (o.risk // 10, o.amount))
print("cheapest low risk:", repr(cheapest))
print(asdict(ranked[0]))
try:
    Order(Decimal("-1.00"), 999, "paid", risk=3)
except ValueError as exc:
    print("rejected:", exc)
total = sum((o.amount for o in orders if o.risk < 50), Decimal("0"))
print(f"low-risk total: {total:,.2f}")
