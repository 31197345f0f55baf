# expect-error: __main__.PaymentBlocked
# Charge invoices: custom exception hierarchy, raise from, except groups of
# classes, a finally that writes the ledger, and an approval that finally
# blocks the run with an uncaught script exception.
from decimal import Decimal


class BillingError(Exception):
    pass


class NeedsReview(BillingError):
    def __init__(self, invoice, amount):
        super().__init__(f"{invoice} needs review ({amount})")
        self.invoice = invoice
        self.amount = amount


class PaymentBlocked(BillingError):
    pass


ledger = []


def charge(inv):
    gross = (Decimal(inv["net"]) * (1 + Decimal(inv["vat_rate"]))).quantize(Decimal("0.01"))
    if gross > 500:
        raise NeedsReview(inv["number"], gross)
    return gross


def settle(inv):
    try:
        amount = charge(inv)
    except NeedsReview as review:
        decision = approval(f"Charge {review.invoice} of {review.amount} to all customers")
        if decision != "approved":
            raise PaymentBlocked(f"{review.invoice} was {decision}") from review
        amount = review.amount
    except (KeyError, ValueError) as error:
        raise BillingError("bad invoice") from error
    finally:
        ledger.append(inv["number"])
    return amount


invoices = export("invoices")
paid = {}
for inv in sorted(invoices, key=lambda i: Decimal(i["net"])):
    try:
        paid[inv["number"]] = settle(inv)
    except PaymentBlocked as blocked:
        print("blocked:", blocked, "<-", repr(blocked.__cause__))
        db_write([{"invoice": k, "gross": str(v)} for k, v in paid.items()], table="payments")
        print("ledger:", ledger)
        raise
    print(f"{inv['number']}: {paid[inv['number']]}")
