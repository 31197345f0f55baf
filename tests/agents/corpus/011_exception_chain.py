# Sync customer records to the CRM; a failed sync is wrapped in a script
# exception that keeps the cause, and the operator gets the traceback.
import traceback


class SyncError(Exception):
    def __init__(self, customer, stage, detail=""):
        super().__init__(f"sync of {customer} failed at {stage}")
        self.customer = customer
        self.stage = stage
        self.detail = detail


class ValidationError(SyncError):
    pass


def validate(customer):
    if "." not in customer["email"].split("@")[-1]:
        raise ValueError(f"bad email domain in {customer['email']!r}")
    return customer


def sync(customer):
    try:
        validate(customer)
    except ValueError as err:
        raise ValidationError(customer["name"], "validate", detail=str(err)) from err
    note = llm(f"Write a CRM note for {customer['name']} ({customer['tier']})")
    return {"id": customer["id"], "note": note}


synced, failed = [], []
for customer in export("customers"):
    try:
        synced.append(sync(customer)["id"])
    except SyncError as err:
        advice = llm(f"How to fix: {err.detail}")
        print(f"{type(err).__name__}: {err} [{err.stage}] cause={err.__cause__!r}")
        print("advice:", advice)
        print(traceback.format_exc())
        failed.append(err.customer)

print("synced:", synced)
print("failed:", failed)
