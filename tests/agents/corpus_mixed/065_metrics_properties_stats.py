# Score customer health: a class with waiting properties used by sorted via
# operator.attrgetter, statistics over them, a set of frozen keys, a
# dict comprehension keyed by the model's label, and a printed table with
# alignment specs and a custom __format__.
import operator
import statistics
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Key:
    country: str
    tier: str


class Health:
    def __init__(self, customer, orders):
        self.customer = customer
        self.orders = orders

    @property
    def spend(self):
        return sum((Decimal(o["amount"]) for o in self.orders if o["status"] == "paid"), Decimal("0"))

    @property
    def score(self):
        return int(llm(f"Give a score for the health of {self.customer['name']} spending {self.spend}"))

    def __format__(self, spec):
        if spec == "row":
            return f"{self.customer['name']:<10}|{self.spend:>9.2f}|{self.score:>4}"
        return format(self.customer["name"], spec)


customers = export("customers")
orders = export("orders")
health = [Health(c, [o for o in orders if o["customer_id"] == c["id"]]) for c in customers]
ranked = sorted(health, key=operator.attrgetter("score"), reverse=True)
for h in ranked:
    print(f"{h:row}")
scores = [h.score for h in ranked]
print(statistics.mean(scores), statistics.median(scores), statistics.median_low(scores), statistics.mode([h.customer["tier"] for h in health]))
print(statistics.fmean(float(h.spend) for h in health), statistics.quantiles(scores, n=4))
keys = {Key(c["country"], c["tier"]) for c in customers}
print(sorted(keys, key=lambda k: (k.country, k.tier)), Key("DE", "gold") in keys)
label = {f"{h:}": llm(f"Classify the customer {h:} by spend") for h in ranked[:3]}
print(label)
best = max(health, key=lambda h: (h.spend, h.score))
print(f"best: {best:>12}|", f"{best.spend:08.2f}", f"{float(best.spend):+.3e}", f"{int(best.spend):#x}")
ok = approval(f"Send a thank-you to {best:}")
print(ok, operator.itemgetter("country", "tier")(best.customer))
