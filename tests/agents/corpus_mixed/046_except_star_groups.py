# Validate a batch of invoices, collect every problem into an ExceptionGroup,
# and handle each kind with except*: each handler waits for a model or a
# human; one kind is re-raised in a nested group and caught outside.
class InvoiceProblem(Exception):
    def __init__(self, number, what):
        super().__init__(f"{number}: {what}")
        self.number = number


class VatProblem(InvoiceProblem):
    pass


class DueProblem(InvoiceProblem):
    pass


def validate(rows):
    problems = []
    for row in rows:
        if row["vat_rate"] != "0.19":
            problems.append(VatProblem(row["number"], f"unusual VAT {row['vat_rate']}"))
        if row["due"] < "2024-04-01":
            problems.append(DueProblem(row["number"], f"overdue since {row['due']}"))
    if problems:
        raise ExceptionGroup("invoice batch has problems", problems)


rows = export("invoices")
handled = []
try:
    try:
        validate(rows)
    except* VatProblem as group:
        numbers = sorted(e.number for e in group.exceptions)
        label = llm(f"Classify VAT issues on {numbers}")
        handled.append(("vat", numbers, label))
        print("vat:", numbers, label)
    except* DueProblem as group:
        decision = approval(f"Send reminders for {len(group.exceptions)} overdue invoices")
        print("due:", decision, [str(e) for e in group.exceptions])
        if decision == "approved":
            raise ExceptionGroup("reminders failed", [ToolError("mail server down", tool="send_email", code=503)])
except ExceptionGroup as outer:
    leaves = []
    for sub in outer.exceptions:
        leaves.extend(sub.exceptions if isinstance(sub, ExceptionGroup) else [sub])
    retry = llm(f"yes or no: retry {[type(e).__name__ for e in leaves]}")
    print("outer:", outer.message, len(outer.exceptions), [e.message for e in leaves if isinstance(e, ToolError)], retry)
    handled.append(("outer", [e.code for e in leaves], retry))

eg = ExceptionGroup("split me", [ValueError("a"), KeyError("b"), ValueError("c")])
match, rest = eg.split(ValueError)
note = llm(f"Summarize: split {len(match.exceptions)} of {len(eg.exceptions)}")
print(note, [str(e) for e in match.exceptions], [repr(e) for e in rest.exceptions])
db_write([{"kind": k, "items": i, "answer": a} for k, i, a in handled], table="invoice_checks")
