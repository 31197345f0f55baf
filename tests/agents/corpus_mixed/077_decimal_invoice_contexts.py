# Compute invoice totals with decimal local contexts and quantize, have the
# batch approved, then split the totals with fractions and check with math.fsum.
import decimal
import math
from decimal import Decimal, ROUND_HALF_EVEN, ROUND_HALF_UP, localcontext
from fractions import Fraction

CENT = Decimal("0.01")
ctx = decimal.Context(prec=10, rounding=ROUND_HALF_UP)
invoices = export("invoices")
totals = {}
with localcontext(ctx) as lc:
    for inv in invoices:
        net = Decimal(inv["net"])
        vat = (net * Decimal(inv["vat_rate"])).quantize(CENT)
        totals[inv["number"]] = (net + vat).quantize(CENT)
        print(inv["number"], net, vat, totals[inv["number"]], lc.prec)

grand = sum(totals.values(), Decimal(0))
print("grand:", grand, "banker:", grand.quantize(Decimal("1"), rounding=ROUND_HALF_EVEN))
decision = approval(f"Book invoice batch of {grand} EUR")
print("decision:", decision)

with localcontext() as lc2:
    lc2.prec = 4
    third = grand / 3
    print("third at prec 4:", third, lc2.prec)
print("prec after:", decimal.getcontext().prec)

shares = {num: Fraction(str(total)) / 3 for num, total in totals.items()}
for num, share in sorted(shares.items()):
    print(num, share, float(share).__round__(4), share.limit_denominator(100))

floats = [float(t) for t in totals.values()]
print(math.fsum(floats), math.isclose(math.fsum(floats), float(grand), rel_tol=1e-12))
split = llm(f"Score the split of {grand} into thirds")
print("score:", split, Fraction(int(split), 100))
sign, digits, exp = grand.as_tuple()
print(sign, digits, exp, grand.adjusted(), ctx.traps[decimal.DivisionByZero])
try:
    with localcontext(ctx):
        Decimal(1) / Decimal(0)
except decimal.DivisionByZero as err:
    print("caught", type(err).__name__)
