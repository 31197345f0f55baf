# Invoices are objects with __str__ for letters and __repr__ for logs; the
# model writes the reminder text between the two.
from decimal import Decimal


class Invoice:
    def __init__(self, row):
        self.number = row["number"]
        self.customer = row["customer"]
        self.net = Decimal(row["net"])
        self.rate = Decimal(row["vat_rate"])

    @property
    def gross(self):
        return (self.net * (1 + self.rate)).quantize(Decimal("0.01"))

    def __str__(self):
        return f"Invoice {self.number} for {self.customer}: {self.gross} EUR"

    def __repr__(self):
        return f"Invoice({self.number!r}, gross={self.gross})"


invoices = [Invoice(row) for row in export("invoices")]
print(invoices)
for invoice in invoices[:3]:
    reminder = llm(f"Write a reminder for {invoice}")
    print(str(invoice))
    print("  ", reminder)
print(f"{invoices[0]!r} / {invoices[1]!s}")
print(max(invoices, key=lambda i: i.gross))
