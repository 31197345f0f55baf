# Total paid and refunded orders: the order feeds are iterable classes whose
# __iter__ waits for the export, handed to list() and sum().
from decimal import Decimal


class OrderFeed:
    def __init__(self, status):
        self.status = status

    def __iter__(self):
        rows = export("orders")
        return iter([Decimal(r["amount"]) for r in rows if r["status"] == self.status])


class RefundFeed:
    def __iter__(self):
        for row in export("orders"):
            if row["status"] == "refunded":
                yield Decimal(row["amount"])


paid = list(OrderFeed("paid"))
print("paid orders:", len(paid), "max", max(paid))
print("paid total:", sum(paid))
print("refunded total:", sum(RefundFeed(), Decimal("0.00")))
