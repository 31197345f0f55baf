# A Money type for an invoicing agent whose dunders wait: the FX rate comes
# from the model inside __float__/__round__/__abs__, an approval inside
# __bool__ (used by `and`/`or`/`not`), __index__ (a page number that waits)
# in range() and slices, __divmod__ splitting a bill, __pow__ for compound
# interest, chained comparisons through __lt__/__le__, __iadd__ in a loop,
# math.floor/ceil, sum() with a Money start, and Fraction/Decimal mixing;
# the rates are cached, and the cache is cleared before every line.
import math
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction


RATES = {}


class Money:
    __slots__ = ("cents", "cur")

    def __init__(self, cents, cur="EUR"):
        self.cents, self.cur = int(cents), cur

    def rate(self):
        if self.cur == "EUR":
            return Fraction(1)
        if self.cur not in RATES:
            RATES[self.cur] = Fraction(int(llm(f"Give a score for {self.cur}")) + 50, 100)
        return RATES[self.cur]

    def eur(self):
        return Money(round(self.cents * self.rate()), "EUR")

    def __float__(self):
        return float(self.cents * self.rate()) / 100

    def __round__(self, nd=None):
        q = Decimal(self.eur().cents) / 100
        return q.quantize(Decimal(1).scaleb(-(nd or 0)), rounding=ROUND_HALF_UP)

    def __abs__(self):
        return Money(abs(self.eur().cents))

    def __bool__(self):
        return self.cents != 0 and approval(f"Is an amount of {self.cents} {self.cur} billable?") == "approved"

    def __index__(self):
        return self.eur().cents // 10000

    def __add__(self, other):
        other = other if isinstance(other, Money) else Money(other * 100)
        return Money(self.eur().cents + other.eur().cents)

    __radd__ = __add__

    def __iadd__(self, other):
        print(f"    += {other!r}")
        return self + other

    def __lt__(self, other):
        return self.eur().cents < other.eur().cents

    def __le__(self, other):
        return self.eur().cents <= other.eur().cents

    def __divmod__(self, n):
        q, r = divmod(self.eur().cents, n)
        return Money(q), Money(r)

    def __pow__(self, years):
        return Money(self.cents * Fraction(21, 20) ** years, self.cur)

    def __floor__(self):
        return math.floor(float(self))

    def __ceil__(self):
        return math.ceil(float(self))

    def __repr__(self):
        return f"{self.cents / 100:.2f} {self.cur}"


bills = [Money(12999, "USD"), Money(-4500, "GBP"), Money(0), Money(31040), Money(25000, "CHF")]
print("bills:", bills)
RATES.clear()
print("floats:", [round(float(b), 2) for b in bills])
RATES.clear()
print("round:", [round(b) for b in bills], [str(round(b, 1)) for b in bills[:2]])
RATES.clear()
print("abs:", [abs(b) for b in bills])
RATES.clear()
print("billable:", [b for b in bills if b], not bills[2], bills[2] or "nothing", bills[3] and "yes")
RATES.clear()
print("pages:", [list(range(b)) for b in bills[3:]], "abcdefgh"[bills[3]:])
RATES.clear()
total = Money(0)
for b in bills:
    total += b
RATES.clear()
print("total:", total, sum(bills[:2], Money(100)), sum([1, 2], bills[0]))
RATES.clear()
low, high = Money(5000), Money(40000)
RATES.clear()
print("in range:", [low <= b < high for b in bills], sorted(bills), min(bills), max(bills[:2]))
RATES.clear()
share, rest = divmod(bills[3], 3)
RATES.clear()
print("split:", share, rest, divmod(bills[0], 4))
RATES.clear()
print("interest:", [bills[3] ** y for y in range(3)], bills[0] ** 2)
RATES.clear()
print("floor/ceil:", [(math.floor(b), math.ceil(b)) for b in bills[:2]], bills[1:][Money(10000):])
