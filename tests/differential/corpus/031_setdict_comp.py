words = ["apple", "banana", "avocado", "blueberry", "cherry"]
by_letter = {w[0]: [] for w in words}
for w in words:
    by_letter[w[0]].append(w)
print(by_letter)
lengths = {w: len(w) for w in words}
print(lengths)
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({k: v for k, v in lengths.items() if v > 5})
squares = {n * n for n in range(-4, 5)}
print(sorted(squares))
print(sorted({w[0] for w in words}))
print(sorted({len(w) for w in words}, reverse=True))
grid = {(x, y): x * y for x in range(3) for y in range(3) if x != y}
print(grid)
print({i: {j: i * j for j in range(i)} for i in range(4)})
print({n % 3 for n in range(10)} == {0, 1, 2})
inverted = {}
for k, v in lengths.items():
    inverted.setdefault(v, []).append(k)
print(dict(sorted(inverted.items())))
print({k: sorted(v) for k, v in sorted(inverted.items())})
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print({str(i): i ** 2 for i in range(5)})
frozen = frozenset(x % 4 for x in range(10))
print(sorted(frozen))
