class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        print("eq called")
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
k1, k2, k3 = Key(1, 2), Key(1, 2), Key(2, 1)
print(k1 == k2, k1 == k3, k1 != k3, k1 is k2)
d = {k1: "first"}
d[k2] = "second"
print(len(d), d[Key(1, 2)])
print(len({k1, k2, k3}))
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__ is None, NoHash() == 5)
class Default:
    pass
x = Default()
print(x == x, x == Default(), hash(x) == hash(x))
class NotImpl:
    def __eq__(self, other):
        print("NotImpl.__eq__")
        return NotImplemented
print(NotImpl() == NotImpl(), NotImpl() != 3)
class Reflected:
    def __eq__(self, other):
        return "reflected"
print(5 == Reflected(), Reflected() == 5)
class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return self.x == o.x
    __hash__ = object.__hash__
p = Point(1)
print(p in [Point(1)], p in {p}, [Point(2)].index(Point(2)), [Point(3), Point(3)].count(Point(3)))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)))
