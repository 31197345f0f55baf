import itertools

# Loaded again at every wait: a pairwise rebuilt by one load is dumped again by the next.
for a, b in itertools.pairwise(itertools.islice(itertools.count(6), 3)):
    effect(("first", wait(a) + 5))
    effect(("pair", a, wait(b) + 0))
pairs = itertools.pairwise("abcd")
effect(wait(1))
print(next(pairs), list(pairs))
