class Acc:
    def __init__(self, items):
        self.items = list(items)

    def __iadd__(self, other):
        print("iadd", other)
        self.items.extend(other)
        return self

    def __add__(self, other):
        print("add", other)
        return Acc(self.items + list(other))

    def __repr__(self):
        return f"Acc({self.items})"


class OnlyAdd:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return OnlyAdd(self.n + other)

    def __radd__(self, other):
        return OnlyAdd(other + self.n)


a = Acc([1])
before = a
a += [2, 3]
print(a, a is before)
b = a + [4]
print(b, b is a)
o = OnlyAdd(1)
first = o
o += 10
print(o.n, o is first)
print((5 + OnlyAdd(2)).n)
class Weird:
    def __imul__(self, other):
        return "replaced"
w = Weird()
w *= 2
print(w)
class Vec:
    def __init__(self, x): self.x = x
    def __isub__(self, other):
        self.x -= other.x
        return self
v = Vec(10)
v -= Vec(3)
print(v.x)
