# min/max/sorted with script key functions over plain keys (numbers,
# strings, tuples and lists of them, NaN, ties) and over keys that are not
# plain (a script __lt__ inside a tuple, mixed types that raise).
import math

class Rank:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        order.append((self.n, other.n))
        return self.n < other.n
    def __gt__(self, other):
        order.append((self.n, other.n))
        return self.n > other.n

order = []
rows = [{"id": i, "score": (i * 37) % 11, "name": f"n{i % 4}"} for i in range(40)]
print(max(rows, key=lambda r: (r["score"], r["id"]))["id"], min(rows, key=lambda r: r["score"])["id"])
print([r["id"] for r in sorted(rows, key=lambda r: (r["name"], -r["score"]))][:8])
print(max(rows, key=lambda r: [r["score"], r["name"]])["id"], min(rows, key=lambda r: r["name"].encode())["id"])
print(max([1.5, math.nan, 2.5], key=lambda x: x), min([math.nan, 1.0, 0.5], key=lambda x: x))
print(max([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t), sorted({"b": 1, "a": 2, "c": 0}, key=lambda k: k))
print(max(range(6), key=lambda i: (i % 3, True)), min("hello", key=lambda c: c))
ranked = max(rows[:6], key=lambda r: (r["score"] % 2, Rank(r["id"])))
print(ranked["id"], order)
for bad in ([1, "a"], [(1, 2), (1, "x")], [None, None]):
    try:
        print(max(bad, key=lambda x: x))
    except TypeError as e:
        print("TypeError", e)
print(sorted([[2, 1], [1, 9], [2, 0]], key=lambda x: x), sorted((3, 1, 2), key=lambda x: -x))
