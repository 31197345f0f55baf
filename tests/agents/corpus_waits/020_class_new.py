# Refund requests pick their own class: Refund.__new__ waits for the
# approval and returns an approved or a rejected refund.
class Refund:
    def __new__(cls, order_id, reason):
        decision = approval(f"Refund order {order_id}: {reason}")
        kind = ApprovedRefund if decision == "approved" else RejectedRefund
        return super().__new__(kind)

    def __init__(self, order_id, reason):
        self.order_id = order_id
        self.reason = reason


class ApprovedRefund(Refund):
    def process(self):
        return effect(f"refund issued for order {self.order_id}")


class RejectedRefund(Refund):
    def process(self):
        return f"order {self.order_id} stays charged"


for order_id, reason in [(102, "damaged parcel"), (106, "refund all customers of the batch")]:
    refund = Refund(order_id, reason)
    print(type(refund).__name__, refund.order_id, "->", refund.process())
