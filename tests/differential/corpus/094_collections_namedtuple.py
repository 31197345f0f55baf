from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(y=0))
print(Point._fields, Point(*[5, 6]), Point(**{"x": 1, "y": 2}))
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(255, 128), Color._field_defaults)
Row = namedtuple("Row", "a b class", rename=True)
print(Row._fields, Row(1, 2, 3))
class Point3(namedtuple("Point3Base", "x y z")):
    __slots__ = ()
    @property
    def length(self):
        return (self.x ** 2 + self.y ** 2 + self.z ** 2) ** 0.5
    def __str__(self):
        return f"<{self.x},{self.y},{self.z}>"
q = Point3(1, 2, 2)
print(q, repr(q), q.length)
points = [Point(2, 1), Point(1, 5), Point(1, 2)]
print(sorted(points), min(points, key=lambda pt: pt.y))
xs, ys = zip(*points)
print(xs, ys)
print(p + (5,), p * 2, tuple(p) == (3, 4))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", "x x")
except ValueError as e:
    print("ValueError:", e)
d = {Point(0, 0): "origin"}
print(d[(0, 0)])
