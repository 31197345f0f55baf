# Error handling for a batch of payouts: exception subclasses with extra
# fields and __str__, chaining with raise ... from, a context-manager class
# whose __exit__ asks whether to suppress the error, and an ExceptionGroup
# of the failures handled with except*.
import json


class PayoutError(Exception):
    def __init__(self, customer, amount, reason):
        super().__init__(customer, amount, reason)
        self.customer = customer
        self.amount = amount
        self.reason = reason

    def __str__(self):
        return f"{self.customer}: {self.amount} ({self.reason})"


class RiskyPayout(PayoutError):
    pass


class Tolerate:
    """Suppresses PayoutErrors a human accepts; records every error."""

    def __init__(self, batch):
        self.batch = batch
        self.errors = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None:
            return False
        self.errors.append(exc)
        if isinstance(exc, RiskyPayout):
            return False
        verdict = approval(f"Skip payout for {exc.customer} in {self.batch}")
        return verdict == "approved"


def pay(customer):
    if customer["tier"] == "bronze":
        raise PayoutError(customer["name"], 10, "tier too low")
    address = customer["email"]
    try:
        return send_email(address, f"Payout for {customer['name']}")["id"]
    except ToolError as exc:
        raise RiskyPayout(customer["name"], 50, exc.message) from exc


customers = export("customers")
sent, failures = [], []
for c in customers:
    guard = Tolerate("march")
    try:
        with guard:
            sent.append(pay(c))
    except PayoutError as exc:
        failures.append(exc)
    print(c["id"], [str(e) for e in guard.errors], len(sent))
print(sent, [(type(f).__name__, str(f), type(f.__cause__).__name__) for f in failures])
try:
    raise ExceptionGroup("payouts", [*failures, ValueError(llm("Classify: payout batch"))])
except* RiskyPayout as group:
    print("risky:", [e.customer for e in group.exceptions], repr(group.exceptions[0].__cause__.tool))
except* ValueError as group:
    print("other:", [str(e) for e in group.exceptions])
print(json.dumps({"sent": len(sent), "failed": [f.args for f in failures]}))
