# Refund requests from the orders export: small refunds are approved at once,
# larger ones go to a human, and the approved ones are written back.
import enum
from decimal import Decimal


class Status(enum.Enum):
    NEW = "new"
    APPROVED = "approved"
    REJECTED = "rejected"


class RefundRequest:
    AUTO_LIMIT = Decimal("50.00")

    def __init__(self, order_id, amount, reason):
        self.order_id = order_id
        self.amount = Decimal(amount)
        self.reason = reason
        self.status = Status.NEW

    @classmethod
    def from_order(cls, order):
        return cls(order["id"], order["amount"], f"order was {order['status']}")

    @property
    def needs_human(self):
        return self.amount > self.AUTO_LIMIT

    def decide(self):
        if not self.needs_human:
            self.status = Status.APPROVED
            return self.status
        text = f"Refund {self.amount} EUR for order {self.order_id}: {self.reason}"
        if self.amount > 300:
            text += " (needs a wire transfer)"
        decision = approval(text)
        self.status = Status(decision)
        return self.status

    def __repr__(self):
        return f"RefundRequest({self.order_id}, {self.amount}, {self.status.name})"


orders = export("orders")
requests = [RefundRequest.from_order(o) for o in orders if o["status"] != "paid"]
for request in requests:
    status = request.decide()
    print(request, "->", status.value)

approved = [r for r in requests if r.status is Status.APPROVED]
total = sum((r.amount for r in approved), Decimal("0"))
db_write([{"order": r.order_id, "amount": str(r.amount)} for r in approved], table="refunds")
print(f"approved {len(approved)} of {len(requests)}, total {total} EUR")
