# decimal.localcontext(ctx) restores the context current before the block,
# not ctx, and a wait after it sees the default precision.
import decimal
from decimal import Decimal, localcontext

ctx = decimal.Context(prec=10)
print("before:", decimal.getcontext().prec)
with localcontext(ctx):
    print("inside:", decimal.getcontext().prec, Decimal(1) / Decimal(3))
print("after:", decimal.getcontext().prec, Decimal(1) / Decimal(3))
with localcontext() as lc:
    lc.prec = 4
    print("inside2:", decimal.getcontext().prec)
print("after2:", decimal.getcontext().prec)
d = approval("ok?")
print(d, decimal.getcontext().prec)
