t = (1, "two", 3.0, [4])
print(t, len(t), t[1], t[-1], t[1:3])
t[3].append(5)
print(t)
try:
    t[0] = 99
except TypeError as e:
    print("TypeError:", e)
single = (1,)
not_tuple = (1)
empty = ()
print(single, type(single).__name__, not_tuple, type(not_tuple).__name__, empty, len(empty))
print((1, 2) + (3,), (0,) * 3, (1, 2) * 2)
print((1, 2, 3).index(2), (1, 1, 2).count(1), 2 in (1, 2))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}))
point = 3, 4
x, y = point
print(point, x, y)
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([5, 2, 8])
print(lo, hi, min_max([1]))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "a"}[(1, 2)])
try:
    hash(([1], 2))
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), max((1, "b"), (1, "a")))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), list(zip(*[(1, 2), (3, 4)])))
print(tuple(x * 2 for x in range(3)), (*range(2), *"ab"))
records = [("ann", 3), ("bob", 1)]
for name, score in sorted(records, key=lambda r: r[1]):
    print(name, score)
print(repr(()), repr((None,)), str((1, "a")))
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
