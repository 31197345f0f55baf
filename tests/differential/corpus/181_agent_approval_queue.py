from collections import deque
class ApprovalRequired(Exception):
    def __init__(self, action, amount):
        super().__init__(f"{action} of {amount} needs approval")
        self.action = action
        self.amount = amount
def refund(order_id, amount):
    if amount > 100:
        raise ApprovalRequired("refund", amount)
    return f"refunded {amount} for {order_id}"
def lookup(order_id):
    orders = {"A1": 40, "B2": 250, "C3": 90}
    return orders[order_id]
queue = deque(["A1", "B2", "ZZ", "C3"])
approved_by_human = {"B2": False}
log = []
while queue:
    order = queue.popleft()
    try:
        amount = lookup(order)
        log.append(refund(order, amount))
    except KeyError as missing:
        log.append(f"unknown order {missing}")
    except ApprovalRequired as req:
        decision = approved_by_human.get(order)
        if decision is None:
            log.append(f"queued for approval: {req}")
        elif decision:
            log.append(f"approved manually: {req.action} {req.amount}")
        else:
            log.append(f"denied: {req}")
    finally:
        log.append(f"-- processed {order}, {len(queue)} left")
for line in log:
    print(line)
stats = {"refunded": sum(1 for l in log if l.startswith("refunded")), "denied": sum(l.startswith("denied") for l in log)}
print(stats)
