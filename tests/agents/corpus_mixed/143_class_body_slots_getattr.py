# Configuration classes whose class bodies call tools (attributes computed
# from waits at class creation), and a __slots__ record with a __getattr__
# fallback that asks the model for fields it does not store.
import json


class PricingConfig:
    page = fetch_page("https://shop.example/pricing")
    plans = [line.split(":")[0] for line in page.splitlines()[1:4]]
    prices = {line.split(":")[0]: float(line.split(":")[1].split()[0]) for line in page.splitlines()[1:4]}
    cheapest = min(prices, key=prices.get)
    approved = approval(f"Publish the {cheapest} plan as default") == "approved"
    del page

    def describe(self):
        return f"{self.cheapest} ({self.prices[self.cheapest]}) approved={self.approved}"


print(PricingConfig.plans, PricingConfig.cheapest)
print(PricingConfig().describe(), hasattr(PricingConfig, "page"))


class Ticket:
    __slots__ = ("id", "subject", "priority", "_extra")

    def __init__(self, row):
        self.id = row["id"]
        self.subject = row["subject"]
        self.priority = row["priority"]
        self._extra = {}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._extra:
            self._extra[name] = llm(f"Classify {name} of: {self.subject}")
        return self._extra[name]


tickets = [Ticket(r) for r in export("tickets")[:3]]
for t in tickets:
    print(t.id, t.priority, t.label, t.label == t._extra["label"])
try:
    tickets[0].owner = "ana"
except AttributeError as error:
    print("slots:", type(error).__name__)
print(json.dumps({t.id: t._extra for t in tickets}, sort_keys=True))


class Limits:
    rate = int(llm("Give a score for the rate limit")) % 60 + 1
    burst = rate * 2

    class Nested:
        doc = fetch_page("https://docs.example/auth").splitlines()[0]

    names = [n for n in ("rate", "burst")]


print(Limits.rate, Limits.burst, Limits.Nested.doc, Limits.names)
print(sorted(k for k in vars(PricingConfig) if not k.startswith("__")))
