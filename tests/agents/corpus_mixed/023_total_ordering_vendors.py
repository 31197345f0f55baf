# Compare suppliers: functools.total_ordering derives <=, > and >= from a
# script __lt__ and __eq__ that read a cached_property waiting for the
# model; sorted(), the comparisons and bisect.insort(key=) use them.
import bisect
import functools


@functools.total_ordering
class Supplier:
    def __init__(self, name, lead_days):
        self.name = name
        self.lead_days = lead_days

    @functools.cached_property
    def rating(self):
        return int(llm(f"Give a score for the supplier {self.name}"))

    def __eq__(self, other):
        return (self.rating, self.lead_days) == (other.rating, other.lead_days)

    def __lt__(self, other):
        return (self.rating, -self.lead_days) < (other.rating, -other.lead_days)

    def __repr__(self):
        return f"{self.name}[{self.lead_days}d]"


suppliers = [Supplier("Acme", 5), Supplier("Globex", 3), Supplier("Initech", 9)]
a, b, c = suppliers
print(a >= b, b <= c, c > a, a == Supplier("Acme", 5))
print(sorted(suppliers), [s.rating for s in suppliers])

shortlist = sorted(suppliers[:2], key=lambda s: s.lead_days)
bisect.insort(shortlist, Supplier("Hooli", 4), key=lambda s: s.lead_days)
print(shortlist, shortlist[-1].rating)
print(max(suppliers).name, min(suppliers, key=lambda s: s.rating).name)
