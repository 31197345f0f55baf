data = [("alice", (30, "paris")), ("bob", (25, "rome"))]
for name, (age, city) in data:
    print(name, age, city)
((a, b), (c, d)) = [[1, 2], [3, 4]]
print(a, b, c, d)
[x, [y, [z, w]]] = [1, [2, [3, 4]]]
print(x, y, z, w)
points = {"p1": (1, 2), "p2": (3, 4)}
for label, (px, py) in sorted(points.items()):
    print(label, px + py)
records = [(1, ("a", "b", "c")), (2, ("d",))]
for n, (first, *more) in records:
    print(n, first, more)
matrix = [[1, 2, 3], [4, 5, 6]]
(r1c1, *_), (*_, r2c3) = matrix
print(r1c1, r2c3)
pairs = list(zip("abc", range(3)))
letters, numbers = zip(*pairs)
print(letters, numbers)
class Obj:
    pass
o = Obj()
o.a, (o.b, o.c) = 1, (2, 3)
print(o.a, o.b, o.c)
d = {}
d["x"], d["y"] = "X", "Y"
print(d)
s = [0] * 4
s[0], (s[1], s[2:]) = "a", ("b", ["c", "d", "e"])
print(s)
