# Invoice totals with a Money class: __add__/__radd__ so sum() works, __mul__
# by a VAT rate, total_ordering from __eq__/__lt__, __hash__ for dict keys and
# sets, __format__; the exchange rate of each currency is asked of the model
# inside __mul__ the first time it is needed.
from decimal import Decimal
from functools import total_ordering

RATES = {}


def rate(currency):
    if currency not in RATES:
        RATES[currency] = Decimal(llm(f"Give a score for {currency} to EUR")) / 50
    return RATES[currency]


@total_ordering
class Money:
    __slots__ = ("amount", "currency")

    def __init__(self, amount, currency="EUR"):
        self.amount = Decimal(amount).quantize(Decimal("0.01"))
        self.currency = currency

    def in_eur(self):
        if self.currency == "EUR":
            return self
        return Money(self.amount * rate(self.currency))

    def __add__(self, other):
        if isinstance(other, int) and other == 0:
            return self
        return Money(self.in_eur().amount + other.in_eur().amount)

    __radd__ = __add__

    def __mul__(self, factor):
        return Money(self.in_eur().amount * Decimal(factor))

    def __eq__(self, other):
        return isinstance(other, Money) and self.in_eur().amount == other.in_eur().amount

    def __lt__(self, other):
        return self.in_eur().amount < other.in_eur().amount

    def __hash__(self):
        return hash(self.in_eur().amount)

    def __bool__(self):
        return self.amount != 0

    def __format__(self, spec):
        return f"{format(self.amount, spec or '.2f')} {self.currency}"

    def __repr__(self):
        return f"Money({self.amount}, {self.currency!r})"


invoices = export("invoices")
currencies = ["EUR", "USD", "GBP", "EUR", "USD"]
nets = [Money(inv["net"], cur) for inv, cur in zip(invoices, currencies)]
gross = [net * (1 + Decimal(inv["vat_rate"])) for net, inv in zip(nets, invoices)]
print([f"{g:>10}" for g in gross])
print(f"total {sum(gross):.2f}", f"max {max(nets)}", f"min {min(nets):8.1f}")
print(sorted(nets)[:2], nets[1] >= nets[3], nets[0] <= nets[4], Money(0) or "empty")
by_amount = {m: inv["number"] for m, inv in zip(nets, invoices)}
print(len(by_amount), by_amount[Money(nets[0].amount)], Money(12.34, "EUR") in set(nets))
print(sorted(RATES), sum([Money(1), Money(2)], Money(0)))
