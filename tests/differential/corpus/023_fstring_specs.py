values = [0, 7, -7, 1234567, 3.5, -0.25, 1e-5, 12345.6789]
for v in values:
    print(f"{v:>12}|{v:<+12}|{v:^12}|{v:012}|")
for v in [1234567, 3.14159, 1e6]:
    print(f"{v:,}|{v:_}|{v:e}|{v:.3g}|{v:%}")
print(f"{255:x} {255:X} {255:#X} {255:o} {255:b} {65:c}")
print(f"{-5:=+8}|{5: }|{-5: }|")
print(f"{'text':.2}|{'text':>8.3}|")
print(f"{0.5:.0%} {1/3:.2%}")
print(f"{12:n} {1234.5:n}")
import datetime
dt = datetime.datetime(2024, 3, 5, 14, 7, 9)
print(f"{dt:%Y-%m-%d %H:%M:%S}", f"{dt:%a %b %d}")
print(f"{dt.date()}", f"{dt!r}")
from decimal import Decimal
print(f"{Decimal('1.005'):.2f}", f"{Decimal('10'):.3e}")
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        text = f"${self.cents / 100:.2f}"
        return f"{text:{spec}}" if spec else text
m = Money(12345)
print(f"[{m}] [{m:>12}] [{m:<12}]")
print(format(m, "^14"), "{:>10}".format(m))
for prec in range(4):
    print(f"{2/3:.{prec}f}")
print(f"{True} {True:d} {None!r}")
