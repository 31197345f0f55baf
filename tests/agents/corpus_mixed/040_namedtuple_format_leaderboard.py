# Build a vendor leaderboard: NamedTuple quotes, a class with __format__
# and __str__ whose fields wait for the model, sorted by a waiting
# attribute and printed in f-strings and as lists.
from typing import NamedTuple
from decimal import Decimal
import re


class Quote(NamedTuple):
    vendor: str
    plan: str
    price: Decimal

    @property
    def yearly(self):
        return self.price * 12


class Vendor:
    def __init__(self, quote):
        self.quote = quote
        self._score = llm(f"Give a score for the vendor {quote.vendor} tier {quote.plan}")

    @property
    def score(self):
        return int(self._score)

    def __str__(self):
        return f"{self.quote.plan}@{self.quote.vendor}"

    def __repr__(self):
        return f"Vendor({self.quote.plan!r}, score={self.score})"

    def __format__(self, spec):
        if spec.endswith("s"):
            return format(str(self), spec)
        return format(self.score, spec)


text = fetch_page("https://shop.example/pricing")
quotes = [Quote("shop", m[0], Decimal(m[1])) for m in re.findall(r"(\w+): (\d+\.\d\d) EUR", text)]
print(quotes)
vendors = sorted((Vendor(q) for q in quotes), key=lambda v: v.score, reverse=True)
for rank, v in enumerate(vendors, 1):
    print(f"{rank}. {v:<22s} {v:>4d} {v.quote.yearly:>10.2f}")
print(vendors)
print("cheapest:", min(quotes, key=lambda q: q.price).plan, "best:", f"{max(vendors, key=lambda v: v.score)!s}")
print({str(v): v.score for v in vendors})
plan, price = quotes[-1][1:]
print(plan, price, Quote._fields, quotes[0]._asdict())
template = "{0:<10s}|{0:>3d}|{1[plan]}"
print([template.format(v, v.quote._asdict()) for v in vendors])
print("{top:>5d} {top!s}".format_map({"top": Vendor(Quote("alt", "Solo", Decimal("1.00")))}))
print(format(vendors[-1], "03d"), "%s/%r" % (vendors[0], vendors[0]))
