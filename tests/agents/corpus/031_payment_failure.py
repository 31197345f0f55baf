# expect-error: __main__.PaymentFailed
# Charge customers for pending orders; a rejected charge stops the run with
# a script exception that carries the order and the decision.
class PaymentFailed(Exception):
    def __init__(self, order_id, decision):
        super().__init__(f"charge for order {order_id} was {decision}")
        self.order_id = order_id
        self.decision = decision


def charge(order):
    text = f"Charge {order['amount']} EUR for order {order['id']}"
    if float(order["amount"]) > 100:
        text += " from production billing"
    decision = approval(text)
    if decision != "approved":
        raise PaymentFailed(order["id"], decision)
    effect({"charged": order["id"], "amount": order["amount"]})
    return order["amount"]


pending = [o for o in export("orders") if o["status"] in ("pending", "paid")]
charged = []
for order in sorted(pending, key=lambda o: float(o["amount"])):
    charged.append(charge(order))
    print("charged", order["id"], "total so far", round(sum(map(float, charged)), 2))
print("never reached")
