# Sample orders with a seeded random.Random kept across approvals, compute
# statistics (mean, median, stdev) of the amounts, and pprint the result.
import random
import statistics
from functools import partial
from pprint import pformat

rng = random.Random(1234)
orders = export("orders")
amounts = [float(o["amount"]) for o in orders]
print("mean", round(statistics.mean(amounts), 3), "median", statistics.median(amounts))
print("stdev", round(statistics.stdev(amounts), 3), "pstdev", round(statistics.pstdev(amounts), 3))
print("quantiles", [round(q, 2) for q in statistics.quantiles(amounts, n=4)])
print("mode", statistics.mode(o["status"] for o in orders), statistics.median_low([1, 3, 5, 7]))

picks = []
for round_no in range(3):
    sample = rng.sample(orders, 2)
    ids = [o["id"] for o in sample]
    d = approval(f"Audit orders {ids}")
    picks.append({"round": round_no, "ids": ids, "decision": d, "coin": rng.random() < 0.5, "roll": rng.randint(1, 6)})
    print(picks[-1])

shuffled = list(range(8))
rng.shuffle(shuffled)
print(shuffled, rng.choice("abcdef"), round(rng.uniform(0, 10), 6), rng.choices([1, 2, 3], weights=[5, 1, 1], k=5))
state = rng.getstate()
a = rng.random()
rng.setstate(state)
print(a == rng.random())
fmt2 = partial(round, ndigits=2)
gauss = [fmt2(rng.gauss(100, 15)) for _ in range(4)]
note = llm(f"Score this sample: {gauss}")
print(note, gauss, fmt2(statistics.fmean(gauss)), fmt2(statistics.harmonic_mean([1, 2, 4])))
print(pformat({"picks": picks, "stats": {"n": len(amounts), "max": max(amounts)}}, width=60, sort_dicts=True))
print(statistics.correlation([1, 2, 3, 4], [2, 4, 5, 9]) > 0.9)
