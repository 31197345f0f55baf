# Bind tool arguments with functools.partial and sort with operator helpers;
# the bound callables are used before and after each wait.
import functools
import operator

notify_ops = functools.partial(send_email, "ops@example.com")
by_amount = operator.itemgetter("amount")
get_status = operator.attrgetter("real")

orders = export("orders")
paid = sorted((o for o in orders if o["status"] == "paid"), key=lambda o: float(by_amount(o)), reverse=True)
for order in paid[:3]:
    decision = approval(f"Ship order {order['id']} ({by_amount(order)} EUR)")
    receipt = notify_ops(f"order {order['id']}: {decision}")
    print(order["id"], decision, receipt["id"])

totals = functools.reduce(operator.add, (float(by_amount(o)) for o in paid))
print(round(totals, 2), get_status(3), notify_ops.args, sorted(map(operator.itemgetter("id"), paid))[:2])
