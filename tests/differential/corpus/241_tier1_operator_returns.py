# Script operator methods, comparisons and stores in hot loops, run nested by
# tier 1: plain results, NotImplemented (the reflected method next), a
# comparison's non-bool result where a bool is needed, __setitem__ and a
# property's setter (their results dropped), an operator that raises.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    def __radd__(self, other):
        return Money(self.cents + other) if isinstance(other, int) else NotImplemented
    def __eq__(self, other):
        return Verdict(self.cents == getattr(other, "cents", None))
    def __lt__(self, other):
        if other.cents < 0:
            raise ValueError("negative")
        return self.cents < other.cents

class Verdict:
    def __init__(self, same):
        self.same = same
    def __bool__(self):
        return self.same

class Ledger:
    def __init__(self):
        self.rows = {}
        self._total = 0
    def __setitem__(self, key, value):
        self.rows[key] = value
        return "ignored"
    @property
    def total(self):
        return self._total
    @total.setter
    def total(self, value):
        self._total = value

ledger, acc, flags, errors = Ledger(), Money(0), [], []
for i in range(60):
    acc = acc + Money(i)
    acc = 1 + acc
    flags.append(bool(acc == Money(acc.cents)) and not (acc == Money(-1)))
    if acc == Money(acc.cents):
        ledger[i % 7] = acc.cents
    ledger.total = ledger.total + i
    try:
        flags.append(Money(i) < Money(i % 3 - 1))
    except ValueError as e:
        errors.append(str(e))
print(acc.cents, sum(flags), len(errors), sorted(ledger.rows.items()), ledger.total)
print(type(acc == acc).__name__, bool(Money(2) + Money(3) == Money(5)))
