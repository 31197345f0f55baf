scores = {"ann": 88, "bob": 95, "cy": 70, "dee": 95}
print(max(scores, key=scores.get), min(scores, key=scores.get))
print(max(scores.items(), key=lambda kv: (kv[1], kv[0])))
print(min(["pear", "fig", "apple"], key=len), max(["pear", "fig", "apple"], key=len))
print(max([], default="empty"), min([], key=len, default=None))
print(max(3, 7, 5, key=lambda v: -v), min("hello", key=ord))
records = [{"n": "a", "v": 3}, {"n": "b", "v": 1}, {"n": "c", "v": 2}]
records.sort(key=lambda r: r["v"])
print([r["n"] for r in records])
records.sort(key=lambda r: r["n"], reverse=True)
print([r["n"] for r in records])
data = [5, -3, 2, -8, 7]
data.sort(key=abs)
print(data)
data.sort()
print(data)
import heapq
print(heapq.nlargest(2, scores.items(), key=lambda kv: kv[1]))
print(heapq.nsmallest(3, [9, 1, 8, 2, 7], key=lambda v: -v))
points = [(1, 2), (-3, 1), (2, -2), (0, 0)]
print(min(points, key=lambda p: p[0] ** 2 + p[1] ** 2), max(points, key=lambda p: p[1]))
import bisect
keys = [10, 20, 30]
print(bisect.bisect_left(keys, 20), bisect.bisect_right(keys, 20), bisect.bisect(keys, 25, key=lambda k: k))
from itertools import groupby
pairs = sorted([("x", 1), ("y", 2), ("x", 3)], key=lambda p: p[0])
print({k: [v for _, v in g] for k, g in groupby(pairs, key=lambda p: p[0])})
def stable_key(s):
    return s[0]
print(sorted(["b2", "a1", "b1", "a2"], key=stable_key))
print(list(sorted("hello", key=lambda c: -ord(c))))
