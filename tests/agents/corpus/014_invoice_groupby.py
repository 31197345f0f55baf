# Group invoices by customer, compute gross totals, and ask for approval of
# each customer's dunning letter.
import itertools
from decimal import Decimal

invoices = export("invoices")
invoices.sort(key=lambda inv: inv["customer"])
extra = [{"number": "INV-900", "customer": "Zeta", "net": "1.00", "vat_rate": "0.00", "due": "2024-06-01"}]

letters = []
for customer, group in itertools.groupby(itertools.chain(invoices, extra), key=lambda inv: inv["customer"]):
    group = list(group)
    gross = sum(Decimal(i["net"]) * (1 + Decimal(i["vat_rate"])) for i in group)
    gross = gross.quantize(Decimal("0.01"))
    numbers = ", ".join(i["number"] for i in group)
    print(f"{customer}: {numbers} -> {gross}")
    if gross < 100:
        continue
    decision = approval(f"Send a dunning letter to {customer} for {gross} EUR")
    if decision == "approved":
        letters.append((customer, str(gross)))

print("letters:", letters)
print(list(itertools.accumulate(Decimal(i["net"]) for i in invoices)))
