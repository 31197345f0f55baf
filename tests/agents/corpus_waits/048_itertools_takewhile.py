# Process orders while they are approved: itertools.takewhile calls a
# predicate that waits for the approval.
import itertools

orders = [(101, "Ship order 101"), (106, "Ship order 106 to all customers"), (107, "Ship order 107")]


def approved(order):
    return approval(order[1]) == "approved"


shipped = [order_id for order_id, _ in itertools.takewhile(approved, orders)]
print("shipped:", shipped)
print("stopped at:", orders[len(shipped)][0])
print("left for tomorrow:", [order_id for order_id, _ in orders[len(shipped):]])
