class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __repr__(self):
        return f"Money({self.cents / 100:.2f} {self.currency})"

    def __eq__(self, other):
        return isinstance(other, Money) and (self.cents, self.currency) == (other.cents, other.currency)

    def __hash__(self):
        return hash((self.cents, self.currency))

    def __add__(self, other):
        return Money(self.cents + other.cents, self.currency)

    def __lt__(self, other):
        return self.cents < other.cents

    def __bool__(self):
        return self.cents != 0

    def __len__(self):
        return len(str(self.cents))

a, b = Money(1050), Money(250)
print(a + b, a == Money(1050), a != b, sorted([a, b]))
print(len({a, Money(1050), b}), bool(Money(0)), len(a))
print(str(b), [m for m in (a, Money(0), b) if m])
