class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"V({self.x}, {self.y})"

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, V):
            return NotImplemented
        return V(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __neg__(self):
        return V(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __pow__(self, n):
        return V(self.x ** n, self.y ** n)

    def __invert__(self):
        return V(self.y, self.x)


a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 2 * a)
print(a @ b, -a, abs(b), b / 2, a ** 2, ~a)
try:
    a * b
except TypeError as e:
    print("TypeError", e)
class Num:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Num) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __gt__(self, o): return self.v > o.v
print(Num(1) == Num(1), Num(1) != Num(2), Num(1) < Num(2), Num(3) > Num(2))
print(sorted([Num(3), Num(1), Num(2)], reverse=True)[0].v)
