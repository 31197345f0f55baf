# Invoice reminders: NamedTuple rows with Decimal money quantized to cents,
# due dates compared with a fixed "today", a __format__ that asks the model
# for a tone, and a string.Template body per overdue invoice.
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP
from string import Template
from typing import NamedTuple

TODAY = date(2024, 4, 10)
CENT = Decimal("0.01")


class Invoice(NamedTuple):
    number: str
    customer: str
    net: Decimal
    vat_rate: Decimal
    due: date

    @property
    def gross(self):
        return (self.net * (1 + self.vat_rate)).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def days_late(self):
        return (TODAY - self.due).days

    def __format__(self, spec):
        if spec == "tone":
            return llm(f"Classify the tone for a reminder to {self.customer} {self.days_late} days late")
        return format(f"{self.number} {self.customer}", spec)


rows = export("invoices")
invoices = [
    Invoice(r["number"], r["customer"], Decimal(r["net"]), Decimal(r["vat_rate"]), date.fromisoformat(r["due"]))
    for r in rows
]
print(f"{'number':<8}|{'gross':>10}|{'late':>5}")
for inv in sorted(invoices, key=lambda i: i.due):
    print(f"{inv.number:<8}|{inv.gross:>10,.2f}|{inv.days_late:>5d}")

body = Template("Dear $customer,\ninvoice $number ($gross EUR) was due on $due.\nTone: $tone\n")
overdue = [inv for inv in invoices if inv.days_late > 0]
for inv in overdue:
    text = body.substitute(inv._asdict(), gross=inv.gross, due=inv.due.strftime("%d %b %Y"), tone=f"{inv:tone}")
    print(text, end="")
    print(f"  [{inv:>24}] grace ends {inv.due + timedelta(weeks=2)}")

extended = overdue[0]._replace(due=TODAY + timedelta(days=30))
decision = approval(f"Extend {extended.number} to {extended.due.isoformat()}")
print(decision, extended.days_late, extended == overdue[0], repr(extended.net))
vat = sum((inv.gross - inv.net for inv in invoices), Decimal("0"))
print("vat total", vat, "avg", (vat / len(invoices)).quantize(CENT), f"{vat:e}")
print(body.safe_substitute(customer="Someone"), end="")
