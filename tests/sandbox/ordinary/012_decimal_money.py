from decimal import Decimal, ROUND_HALF_UP, getcontext, localcontext

prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.10")]
subtotal = sum(prices)
tax = (subtotal * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(subtotal, tax, subtotal + tax)
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7))
print(getcontext().prec, Decimal("1.30") == Decimal("1.3"), Decimal("2").sqrt())
print(f"{Decimal('1234.5678'):,.2f}")
