# expect-error: __main__.TransactionAborted
# Apply account changes in transactions: a @contextmanager waits for the
# approval before its yield and for the model's commit note after it; an
# ExitStack enters one transaction per batch, and a rejected batch aborts.
import contextlib


class TransactionAborted(Exception):
    pass


journal = []


@contextlib.contextmanager
def transaction(name):
    decision = approval(f"Open a transaction for {name}")
    if decision != "approved":
        raise TransactionAborted(f"{name}: {decision}")
    changes = []
    try:
        yield changes
    except ValueError as error:
        journal.append((name, "rolled back", str(error)))
    else:
        note = llm(f"Summarize: committed {len(changes)} changes to {name}")
        db_write([{"change": c} for c in changes], table=name)
        journal.append((name, "committed", note.removeprefix("Summary: ")))
    finally:
        journal.append((name, "closed", len(changes)))


with contextlib.ExitStack() as stack:
    users = stack.enter_context(transaction("users"))
    users.extend(["ana: team=sales", "dev: team=eng"])
    teams = stack.enter_context(transaction("teams"))
    teams.append("eng: size=4")
print(journal)

with transaction("invoices") as invoices:
    invoices.append("INV-003: overdue")
    raise ValueError("INV-003 is disputed")
print(journal[-2:])

for batch in ["quotas", "production customers"]:
    with transaction(batch) as changes:
        changes.append(f"{batch}: reset")
    print("done:", batch)
