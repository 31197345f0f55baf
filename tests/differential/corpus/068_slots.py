class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
print(p, p.x + p.y)
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), Point.__slots__)
class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = Point3(1, 2, 3)
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
class Partial:
    __slots__ = ("a", "b")
pa = Partial()
pa.a = 1
try:
    print(pa.b)
except AttributeError as e:
    print("AttributeError:", e)
del pa.a
print(hasattr(pa, "a"))
class WithDict:
    __slots__ = ("fixed", "__dict__")
w = WithDict()
w.fixed = 1
w.dynamic = 2
print(w.fixed, w.dynamic, vars(w))
class Unslotted(Point):
    pass
u = Unslotted(0, 0)
u.extra = "ok"
print(u.extra, vars(u))
print(type(Point.x).__name__)
class Defaults:
    __slots__ = ("v",)
    def get(self):
        return getattr(self, "v", "unset")
dd = Defaults()
print(dd.get())
dd.v = "set"
print(dd.get())
