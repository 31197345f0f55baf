# Sum money amounts of different currencies with a Money class whose
# __radd__ lets sum() start from 0; the exchange rate and the amounts come
# from tool results.
import json
from decimal import Decimal


class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount, currency="EUR"):
        self.amount = Decimal(amount)
        self.currency = currency

    def __add__(self, other):
        if isinstance(other, Money):
            if other.currency != self.currency:
                other = other.to(self.currency)
            return Money(self.amount + other.amount, self.currency)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return self.__add__(other)

    def __mul__(self, k):
        return Money(self.amount * Decimal(k), self.currency)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Money) and (self.amount, self.currency) == (other.amount, other.currency)

    def to(self, currency):
        rate = Decimal(RATES[(self.currency, currency)])
        return Money((self.amount * rate).quantize(Decimal("0.01")), currency)

    def __repr__(self):
        return f"Money({self.amount}, {self.currency!r})"


score = int(llm("Give a score for the USD exchange rate"))
RATES = {("USD", "EUR"): f"0.{90 + score % 10}", ("EUR", "USD"): "1.08"}
print("rates:", json.dumps({f"{a}>{b}": r for (a, b), r in RATES.items()}, sort_keys=True))

orders = export("orders")
paid = [Money(o["amount"], "USD" if o["customer_id"] % 2 else "EUR") for o in orders if o["status"] == "paid"]
print(paid)
total = sum(paid)
print("sum:", total)
print("sum with start:", sum(paid, Money(0)))
print("doubled:", sum(2 * m for m in paid[:2]))

prices = [Money(line.split(":")[1].split()[0]) for line in fetch_page("https://shop.example/pricing").splitlines()[1:4]]
print("plans:", sum(prices), sum(prices) == prices[0] + prices[1] + prices[2])

if approval(f"Charge {total.amount} {total.currency} to the ledger") == "approved":
    ledger = [m.to("EUR") if m.currency == "USD" else m for m in paid]
    print("ledger:", sum(ledger), [str(m.amount) for m in ledger])
try:
    sum([Money(1), 5])
except TypeError as error:
    print("TypeError:", error)
