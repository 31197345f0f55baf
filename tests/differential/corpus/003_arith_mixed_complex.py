print(1 + 2.0, type(1 + 2.0).__name__)
print(3 * True, type(3 * True).__name__)
z = complex(3, 4)
print(z, abs(z), z.real, z.imag, z.conjugate())
w = 1 - 2j
print(z + w, z - w, z * w, z / w)
print(z ** 2, (1j) ** 2)
print(z == complex(3, 4), z != w)
print(complex("1+2j"), repr(2j), -1j)
from fractions import Fraction
from decimal import Decimal
f = Fraction(1, 3) + Fraction(1, 6)
print(f, f * 3, float(f), Fraction(3, 4) < Fraction(4, 5))
print(Fraction(5, 10), Fraction("0.25"))
d = Decimal("0.1") + Decimal("0.2")
print(d, d == Decimal("0.3"), Decimal("1.10") * 3)
print(Decimal(10) / Decimal(4), Decimal("7").sqrt().quantize(Decimal("0.0001")))
mixed = [1, 2.5, True, Fraction(1, 2)]
print(sum(mixed), type(sum(mixed)).__name__)
print(divmod(7.5, 2), divmod(-7, 2.0))
print(max(1, 2.5, Fraction(7, 2)), min(3, 2.9999))
print(10 / 4, 10 // 4.0, 2 ** 0.5 * 2 ** 0.5)
