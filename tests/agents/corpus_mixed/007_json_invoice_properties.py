# Export an invoice report: json.dumps(default=...) encodes records whose
# properties wait for the model, with Decimal totals; a dict comprehension
# reads another property that waits for approval.
import json
from decimal import ROUND_HALF_UP, Decimal


class Invoice:
    def __init__(self, row):
        self.number = row["number"]
        self.customer = row["customer"]
        self.net = Decimal(row["net"])
        self.vat_rate = Decimal(row["vat_rate"])

    @property
    def gross(self):
        return (self.net * (1 + self.vat_rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def risk(self):
        return llm(f"Classify: invoice {self.number} for {self.customer}")

    @property
    def reminder(self):
        return approval(f"Send a payment reminder for {self.number}") == "approved"


def encode(obj):
    if isinstance(obj, Invoice):
        return {"number": obj.number, "gross": obj.gross, "risk": obj.risk}
    if isinstance(obj, Decimal):
        return str(obj)
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


invoices = [Invoice(row) for row in export("invoices")]
print(json.dumps({"count": len(invoices), "invoices": invoices[:2]}, default=encode, indent=2))
print(json.dumps(invoices[2:4], default=encode, sort_keys=True))

flags = {inv.number: inv.reminder for inv in invoices if inv.gross > 1000}
print(json.dumps(flags, sort_keys=True), sum(inv.gross for inv in invoices))
try:
    json.dumps({"when": {1, 2}}, default=encode)
except TypeError as error:
    print("TypeError:", error)
