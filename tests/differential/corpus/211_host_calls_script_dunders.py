class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    __radd__ = __add__
    def __lt__(self, other):
        return self.cents < other.cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __repr__(self):
        return f"Money({self.cents})"
    def __bool__(self):
        return self.cents != 0
    def __index__(self):
        return self.cents
wallet = [Money(250), Money(0), Money(1999), Money(250)]
print(sum(wallet), sum(wallet, Money(1)))
print(sorted(wallet), min(wallet), max(wallet))
print(len(set(wallet)), wallet.count(Money(250)), wallet.index(Money(1999)))
print(", ".join(map(str, wallet)), list(filter(None, wallet)))
print(any(wallet), all(wallet), str(wallet[2]), repr(wallet[2]))
print({m: str(m) for m in wallet}, Money(5) in {Money(5): 1})
print(hex(Money(255)), "ab" * Money(2), [10, 20, 30][Money(1)])
import heapq
print(heapq.nsmallest(2, wallet), list(dict.fromkeys(wallet)))
import functools
print(functools.reduce(lambda a, b: a + b, wallet))
class Temperature:
    def __init__(self, degrees):
        self.degrees = degrees
    def __format__(self, spec):
        return format(self.degrees, spec) + "C"
    def __float__(self):
        return float(self.degrees)
print("{:.1f}".format(Temperature(21.55)), f"{Temperature(3):>6}", float(Temperature(2)))
import math
print(math.sqrt(Temperature(16)), round(float(Temperature(2.5))))
