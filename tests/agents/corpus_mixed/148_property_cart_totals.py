# Price 120 carts: LineItem @property totals, a DiscountedItem calling
# super().__init__, a __slots__ Cart whose total sums a generator; carts over
# a limit wait for approval in a method calling a helper calling the tool.
from decimal import Decimal


class LineItem:
    def __init__(self, sku, unit, qty):
        self.sku = sku
        self.unit = Decimal(unit)
        self.qty = qty

    @property
    def total(self):
        return self.unit * self.qty


class DiscountedItem(LineItem):
    def __init__(self, sku, unit, qty, pct):
        super().__init__(sku, unit, qty)
        self.pct = pct

    @property
    def total(self):
        return (super().total * (100 - self.pct) / 100).quantize(Decimal("0.01"))


class Cart:
    __slots__ = ("cid", "items", "status")

    def __init__(self, cid):
        self.cid = cid
        self.items = []
        self.status = "open"

    @property
    def total(self):
        return sum((item.total for item in self.items), Decimal(0))

    def checkout(self, limit):
        self.status = ask_manager(self) if self.total > limit else "auto"
        return self.status


def ask_manager(cart):
    return review(f"Approve cart {cart.cid} of {cart.total} EUR with {len(cart.items)} items")


review = lambda text: approval(text)


PRICES = ["9.99", "29.50", "199.00", "4.25", "12.00"]
carts = []
for cid in range(120):
    cart = Cart(cid)
    for j in range(cid % 4 + 1):
        unit = PRICES[(cid + j) % 5]
        if (cid + j) % 3 == 0:
            cart.items.append(DiscountedItem(f"p{j}", unit, j + 1, 10 * (j + 1)))
        else:
            cart.items.append(LineItem(f"p{j}", unit, j + 1))
    cart.checkout(Decimal("600"))
    carts.append(cart)

print(sorted({s: sum(c.status == s for c in carts) for s in ("approved", "auto", "rejected")}.items()))
print("grand total:", sum(c.total for c in carts))
big = max(carts, key=lambda c: (c.total, -c.cid))
print("biggest:", big.cid, big.total, [f"{i.sku}:{i.total:>8}" for i in big.items])
print("discounted:", sum(1 for c in carts for i in c.items if isinstance(i, DiscountedItem)))
effect({"approved": [c.cid for c in carts if c.status == "approved"]})
