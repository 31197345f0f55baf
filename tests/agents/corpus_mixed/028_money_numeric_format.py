# Quote prices in a Money type: __index__, __add__/__radd__ for sum(),
# __format__ with a spec, %-formatting and str.format; the exchange rate
# is the model's answer, read where each operation needs it.
class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other, self.currency)
        return Money(self.cents + other.cents, self.currency)

    __radd__ = __add__

    def __index__(self):
        return self.cents // 100

    def __format__(self, spec):
        if spec == "usd":
            rate = int(llm(f"Give a score for the EUR to USD rate on {self.cents}")) + 50
            return f"{self.cents * rate // 10000}.{self.cents * rate // 100 % 100:02d} USD"
        return format(f"{self.cents // 100}.{self.cents % 100:02d} {self.currency}", spec)

    def __str__(self):
        return format(self, "")


prices = [Money(999), Money(2950), Money(19900)]
total = sum(prices)
print(total, f"{total:>16}|", f"{total:usd}")
print("%s and %d whole euros" % (total, total), "{:usd}".format(prices[0]))
print(hex(total), list(range(Money(300))), ["a", "b", "c", "d"][Money(250)])
print(", ".join(f"{p:usd}" for p in prices))
print("{0} + {1} = {2:usd}".format(prices[0], prices[1], prices[0] + prices[1]))
print("%(first)s, then %(second)s" % {"first": prices[1], "second": prices[2]})
