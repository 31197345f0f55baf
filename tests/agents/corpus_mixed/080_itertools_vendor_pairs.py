# Compare search results pairwise: itertools pairwise/product/combinations/
# starmap, an operator.itemgetter key, and a guarded batched on 3.12+.
import itertools
import operator
import sys
from itertools import combinations, pairwise, product, starmap

queries = ["cloud backup", "email hosting", "vpn"]
results = {q: search(q, limit=3) for q in queries}
score = operator.itemgetter("score")
title_score = operator.itemgetter("title", "score")

ranked = sorted(itertools.chain.from_iterable(results.values()), key=score, reverse=True)
print([title_score(r) for r in ranked[:4]])
drops = list(starmap(lambda a, b: round(a["score"] - b["score"], 2), pairwise(ranked)))
print("drops:", drops)

plan = llm("Make a plan: compare vendors")
steps = plan.splitlines()
for a, b in pairwise(steps):
    print(f"{a!r} -> {b!r}")

pairs = list(combinations(queries, 2))
print(pairs)
grid = list(product(["monthly", "yearly"], [1, 5]))
print(grid)
if sys.version_info >= (3, 12):
    chunks = [list(c) for c in itertools.batched(ranked, 4)]
else:
    chunks = [ranked[i:i + 4] for i in range(0, len(ranked), 4)]
print([len(c) for c in chunks])

decisions = []
for (q1, q2), (period, seats) in zip(pairs, grid):
    best1 = max(results[q1], key=score)
    best2 = max(results[q2], key=score)
    d = approval(f"Bundle {q1} and {q2} {period} for {seats} seats")
    decisions.append((q1, q2, period, seats, d, round(best1["score"] + best2["score"], 2)))
print(*decisions, sep="\n")
print(list(itertools.accumulate(r["score"] for r in ranked[:5])))
print(list(itertools.compress(queries, [1, 0, 1])), list(itertools.islice(itertools.cycle("ab"), 5)))
