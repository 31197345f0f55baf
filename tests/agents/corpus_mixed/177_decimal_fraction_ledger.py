# Split 900 shared bills exactly: Fraction shares by weight, Decimal cents
# with a local context and ROUND_HALF_EVEN, the rounding residue given to
# the largest share, statistics over the results, approvals for residues
# inside the local context, and exported invoices re-priced with VAT.
import statistics
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

CENT = Decimal("0.01")


def split(total, weights):
    whole = sum(weights)
    exact = [Fraction(total) * Fraction(w, whole) for w in weights]
    cents = [(Decimal(f.numerator) / Decimal(f.denominator)).quantize(CENT, rounding=ROUND_HALF_EVEN) for f in exact]
    residue = total - sum(cents)
    cents[max(range(len(cents)), key=lambda k: (weights[k], -k))] += residue
    return cents, residue


residues, largest, asked = [], [], []
with localcontext() as ctx:
    ctx.prec = 12
    for i in range(900):
        total = Decimal((i * 7919) % 50000) / 100
        weights = (1 + i % 3, 2, 3 + i % 5)
        cents, residue = split(total, weights)
        assert sum(cents) == total
        residues.append(residue)
        largest.append(max(cents))
        if residue and i % 89 == 0:
            verdict = approval(f"Round bill {i} of {total} EUR with residue {residue}")
            asked.append((i, str(residue), verdict, ctx.prec))
print("asked:", asked)
print("nonzero:", sum(1 for r in residues if r), "sum:", sum(residues), "max share:", max(largest))
print("median:", statistics.median(largest), "mean:", statistics.mean(largest), "mode:", statistics.mode(residues))
shares = [Fraction(w, 10) for w in (1, 2, 3, 4)]
print(sum(shares), Fraction(2, 3) + Fraction(1, 6), Fraction("0.19").limit_denominator(10), Fraction(1, 3) ** 2)
for inv in export("invoices"):
    net, rate = Decimal(inv["net"]), Decimal(inv["vat_rate"])
    gross = (net * (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    print(f"{inv['number']} {net:>9} {Fraction(inv['vat_rate'])!s:>7} {gross:>9}")
