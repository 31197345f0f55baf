# Wrap risky changes in a @contextlib.contextmanager that waits for the
# approval before its yield and logs the end in its finally.
import contextlib


@contextlib.contextmanager
def approved_change(text):
    decision = approval(text)
    if decision != "approved":
        raise PermissionError(f"not approved: {text}")
    effect(f"begin: {text}")
    try:
        yield decision
    finally:
        effect(f"end: {text}")


for change in ["Resize the search cluster", "Drop the audit table"]:
    try:
        with approved_change(change) as decision:
            print(decision, "->", change)
    except PermissionError as err:
        print("skipped:", err)
