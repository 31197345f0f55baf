import itertools
data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek")]
for key, group in itertools.groupby(sorted(data, key=lambda p: p[0]), key=lambda p: p[0]):
    print(key, [name for _, name in group])
print(list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], initial=100)))
print(list(itertools.starmap(lambda a, b: f"{a}={b}", [("x", 1), ("y", 2)])))
print(list(itertools.filterfalse(lambda w: len(w) > 3, ["a", "abcd", "xyz", "hello"])))
print(list(itertools.takewhile(lambda x: x < 4, [1, 3, 5, 2])), list(itertools.dropwhile(lambda x: x < 4, [1, 3, 5, 2])))
def runs(seq):
    return [(k, len(list(g))) for k, g in itertools.groupby(seq)]
print(runs("aaabccdddd"))
print(list(itertools.islice((x * x for x in itertools.count()), 2, 6)))
combos = [c for c in itertools.combinations(range(5), 3) if sum(c) == 6]
print(combos)
print(sum(1 for _ in itertools.permutations("abcd")))
print(["".join(p) for p in itertools.product("ab", "xy")])
matrix = [[1, 2], [3, 4], [5, 6]]
print(list(itertools.chain.from_iterable(matrix)), list(zip(*matrix)))
print(list(itertools.zip_longest([1, 2, 3], "ab")))
totals = {}
for k, g in itertools.groupby([1, 1, 2, 3, 3, 3], key=lambda v: v % 2):
    totals.setdefault(k, []).append(sum(g))
print(totals)
it1, it2 = itertools.tee(map(lambda x: x * 10, [1, 2, 3]))
print(list(it1), next(it2), list(it2))
print(list(itertools.batched("abcdefg", 3)) if hasattr(itertools, "batched") else "no batched")
