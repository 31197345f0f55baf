# Build a sales report with itertools over 2400 synthetic order lines:
# compress/filterfalse drop refunds, starmap computes line totals, groupby
# on sorted (region, month) keys, accumulate for running totals, chain and
# zip_longest merge regions, pairwise finds the steepest month; the model
# comments on each region's best month inside a dict comprehension.
import itertools
import json
import operator

REGIONS = ("north", "south", "east")
lines = [(REGIONS[i % 3], 1 + (i // 3 * 5) % 12, (i * 37) % 90 + 10, 1 + i % 4, i % 11 == 0) for i in range(2400)]
kept = list(itertools.compress(lines, (not refund for *_, refund in lines)))
refunds = list(itertools.filterfalse(lambda line: not line[4], lines))
totals = list(itertools.starmap(lambda region, month, price, qty, _: (region, month, price * qty), kept))
print(len(kept), len(refunds), sum(t for *_, t in totals))

by_key = {}
for key, group in itertools.groupby(sorted(totals), key=operator.itemgetter(0, 1)):
    by_key[key] = sum(amount for *_, amount in group)
monthly = {r: [by_key.get((r, m), 0) for m in range(1, 13)] for r in REGIONS}
running = {r: list(itertools.accumulate(v)) for r, v in monthly.items()}
print(json.dumps({r: v[-1] for r, v in running.items()}, sort_keys=True), running["east"][:4])

best = {r: max(range(12), key=lambda m: (monthly[r][m], -m)) + 1 for r in REGIONS}
comments = {
    r: llm(f"Summarize: region {r} peaked in month {m} with {monthly[r][m - 1]} EUR")[19:60] for r, m in best.items()
}
for r in REGIONS:
    print(f"{r:>6}: month {best[r]:2d} {comments[r]}")

steps = {r: max(itertools.pairwise(v), key=lambda ab: abs(ab[1] - ab[0])) for r, v in monthly.items()}
print(steps)
merged = list(itertools.chain.from_iterable(zip(*monthly.values())))
print(len(merged), merged[:6], max(itertools.accumulate(merged, max)))
quarters = [sum(q) for q in itertools.zip_longest(*[iter(monthly["north"])] * 5, fillvalue=0)]
print("north by 5 months:", quarters, list(itertools.islice(itertools.cycle(REGIONS), 4, 8)))
ok = approval(f"Publish sales report with {len(kept)} lines and {len(refunds)} refunds")
print(ok, list(itertools.repeat(ok[:3], 2)))
