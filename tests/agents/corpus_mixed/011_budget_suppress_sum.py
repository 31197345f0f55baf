# Price the team's cloud resources: each item's cost is a property that
# waits for the model's estimate, sum() adds them from a generator, and
# lookups and notifications that may fail run under contextlib.suppress.
import contextlib
from decimal import Decimal


class Item:
    def __init__(self, name, units):
        self.name = name
        self.units = units
        self.owner = None

    @property
    def cost(self):
        estimate = llm(f"Give a score for the monthly cost of {self.name}")
        return Decimal(estimate) * self.units / 10


items = [Item("search cluster", 3), Item("billing database", 2), Item("upload bucket", 5)]
total = sum(item.cost for item in items)
print("total:", total)

for item, owner in zip(items, ["ana", "eve", "dev"]):
    with contextlib.suppress(ToolError):
        user = lookup_user(owner)
        item.owner = user["email"]
        send_email(user["email"], f"{item.name}: {item.cost} EUR per month")
print([(i.name, i.owner) for i in items])

with contextlib.suppress(KeyError, ToolError) as ignored:
    verdict = approval(f"Approve a budget of {total} EUR")
    print("budget", verdict)
    raise ToolError("budget tool offline", tool="budget", code=503)
print("after the budget", type(ignored).__name__)

owned = sum((i.cost for i in items if i.owner), start=Decimal("0.00"))
print(f"owned: {owned:.2f} of {total:.2f}")
