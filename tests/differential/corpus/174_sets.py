a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(range(3))), sorted(a.difference({1})))
print(a.issubset(a | b), {1}.issubset(a), a.issuperset({1, 2}), a.isdisjoint({7, 8}))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} == {1})
s = set()
s.add("x")
s.add("x")
s.update(["y", "z"], "w")
print(sorted(s), len(s))
s.discard("nope")
s.remove("x")
try:
    s.remove("nope")
except KeyError as e:
    print("KeyError:", e)
print(sorted(s))
popped = {42}.pop()
print(popped)
words = ["banana", "apple", "banana", "cherry", "apple"]
unique = set(words)
print(sorted(unique), len(unique), "apple" in unique)
print(sorted({w[0] for w in words}))
seen = set()
deduped = [w for w in words if not (w in seen or seen.add(w))]
print(deduped)
fs = frozenset([3, 1, 2])
print(sorted(fs), hash(fs) == hash(frozenset([1, 2, 3])), fs | {4} == {1, 2, 3, 4})
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(nested), sorted(sorted(x) for x in nested))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
c = {1, 2, 3}
c -= {1}
c |= {10}
c &= {2, 10, 99}
c ^= {2, 50}
print(sorted(c))
print(set("hello") == set("olleh"), sorted(set("hello")), sorted({1, 2, 3}, reverse=True))
print(sorted({3, 1, 2}), {5}, set(), repr(frozenset()), {(1, 2), (1, 2)})
print(min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}))
