from fractions import Fraction

parts = [Fraction(1, 3), Fraction(1, 6), Fraction(1, 4)]
total = sum(parts)
print(total, float(total), total.limit_denominator(10))
print(Fraction("0.75"), Fraction(3, 4) == 0.75, Fraction(5, 10).as_integer_ratio())
print(sorted(parts), Fraction(7, 3) // 1, Fraction(7, 3) % 1)
