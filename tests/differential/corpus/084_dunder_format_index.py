class Celsius:
    def __init__(self, degrees):
        self.degrees = degrees
    def __format__(self, spec):
        if spec.endswith("F"):
            value = self.degrees * 9 / 5 + 32
            return f"{value:{spec[:-1]}f}°F"
        return f"{self.degrees:{spec}f}°C" if spec else f"{self.degrees}°C"
c = Celsius(21.5)
print(f"{c}", f"{c:.1}", f"{c:.2F}", format(c, "6.1"))
print("{0:.0F} / {0:.1}".format(c))
class Idx:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
data = list(range(10))
print(data[Idx(3)], data[Idx(1):Idx(4)], range(Idx(5))[-1])
print(bin(Idx(5)), oct(Idx(8)), hex(Idx(255)), "x" * Idx(3))
import operator
print(operator.index(Idx(7)), (2).__index__())
class Roundable:
    def __round__(self, n=None):
        return f"rounded to {n}"
    def __trunc__(self):
        return 7
    def __floor__(self):
        return 6
    def __ceil__(self):
        return 8
import math
r = Roundable()
print(round(r), round(r, 2), math.trunc(r), math.floor(r), math.ceil(r))
class Hashy:
    def __hash__(self):
        return 12345
print(hash(Hashy()))
class Sizer:
    def __sizeof__(self):
        return 99
class Neg:
    def __neg__(self):
        return "negated"
    def __pos__(self):
        return "positive"
print(-Neg(), +Neg())
class Cmp:
    def __init__(self, v):
        self.v = v
    def __ge__(self, o):
        return self.v >= o
print(Cmp(5) >= 3, 3 <= Cmp(5), Cmp(1) >= 3)
