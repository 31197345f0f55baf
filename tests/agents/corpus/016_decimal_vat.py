# Compute VAT with a reduced decimal precision, as the accounting system does,
# and have the totals confirmed before booking.
import decimal
from decimal import Decimal

ctx = decimal.getcontext()
ctx.prec = 6
ctx.rounding = decimal.ROUND_HALF_UP

invoices = export("invoices")
booked = []
for invoice in invoices:
    net = Decimal(invoice["net"])
    vat = net * Decimal(invoice["vat_rate"])
    gross = net + vat
    print(f"{invoice['number']}: net {net} vat {vat} gross {gross}")
    decision = approval(f"Book {invoice['number']} with gross {gross}")
    share = gross / Decimal(3)
    booked.append((invoice["number"], str(gross), str(share), decision))

print(booked)
print("precision:", decimal.getcontext().prec, decimal.getcontext().rounding)
print(Decimal(1) / Decimal(7))
