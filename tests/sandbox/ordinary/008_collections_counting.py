from collections import Counter, defaultdict, deque, OrderedDict, namedtuple

words = "red blue red green blue red".split()
counts = Counter(words)
print(counts.most_common(2), counts["red"], counts["purple"])
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(sorted(groups.items()))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
print(list(window))
Point = namedtuple("Point", "x y")
p = Point(2, 3)
print(p, p._replace(x=9), p.x + p.y)
od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od))
