# Keep a ranked shortlist of vendors: bisect.insort with key= whose key is
# the model's score, zip(strict=True) of names and quotes that do not match,
# enumerate(start=1) and a running top-k in a deque.
import bisect
import operator
from collections import deque
from dataclasses import dataclass


@dataclass
class Vendor:
    name: str
    quote: int
    score: int = 0


scores = {}


def score_of(vendor):
    if vendor.name not in scores:
        scores[vendor.name] = int(llm(f"Give a score for vendor {vendor.name} quoting {vendor.quote}"))
    return -scores[vendor.name]


names = ["Acme", "Globex", "Initech", "Hooli", "Umbrella"]
quotes = [1200, 950, 1430, 800, 1100]
shortlist = []
for rank, (name, quote) in enumerate(zip(names, quotes, strict=True), start=1):
    bisect.insort(shortlist, Vendor(name, quote), key=score_of)
    print(rank, name, [v.name for v in shortlist])

keys = [score_of(v) for v in shortlist]
probe = bisect.bisect_left(keys, -50)
print("above 50:", [v.name for v in shortlist[:probe]], keys)
try:
    for name, quote in zip(names, quotes[:-1], strict=True):
        pass
except ValueError as exc:
    print("mismatch:", exc)

best = deque(maxlen=2)
for v in sorted(shortlist, key=operator.attrgetter("quote")):
    v.score = scores[v.name]
    best.append(v)
print(best)
pairs = list(zip(*[(v.name, v.quote) for v in shortlist]))
print(pairs)
chosen = shortlist[0]
verdict = approval(f"Sign with {chosen.name} for {chosen.quote} EUR")
lo, hi = bisect.bisect_left(quotes, 1000), bisect.bisect_right(sorted(quotes), 1100)
print(verdict, lo, hi, dict(enumerate(names, start=10)))
