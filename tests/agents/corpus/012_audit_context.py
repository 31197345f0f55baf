# Every change to the price list happens inside an audit block: a context
# manager class that records begin, commit or rollback.
class AuditBlock:
    def __init__(self, action):
        self.action = action
        self.changes = []

    def __enter__(self):
        effect({"audit": "begin", "action": self.action})
        return self

    def record(self, item, old, new):
        self.changes.append((item, old, new))

    def __exit__(self, exc_type, exc, tb):
        outcome = "rollback" if exc_type else "commit"
        effect({"audit": outcome, "action": self.action, "changes": len(self.changes)})
        if exc_type is ValueError:
            print(f"rolled back {self.action}: {exc}")
            return True
        return False


prices = {"starter": 9.99, "team": 29.5, "enterprise": 199.0}

with AuditBlock("raise prices") as audit:
    for plan in sorted(prices):
        decision = approval(f"Raise the {plan} plan price by 5 percent")
        if decision == "approved":
            new = round(prices[plan] * 1.05, 2)
            audit.record(plan, prices[plan], new)
            prices[plan] = new
    print("changes:", audit.changes)

with AuditBlock("drop enterprise plan") as audit:
    decision = approval("Drop the enterprise plan for all customers")
    if decision != "approved":
        raise ValueError(f"dropping was {decision}")
    del prices["enterprise"]

print(prices)
