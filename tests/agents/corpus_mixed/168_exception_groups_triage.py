# Validate 600 imported rows in batches of 100: each batch raises an
# ExceptionGroup of its failures, handled with except* by type (the model
# explains a failure inside a handler); groups are split and subgrouped; an
# owner lookup re-raises `from` the tool error and the handler waits too.
import json


class RowError(Exception):
    def __init__(self, row, reason):
        super().__init__(f"row {row}: {reason}")
        self.row = row


class MissingField(RowError): ...


class BadAmount(RowError): ...


def validate(i):
    if i % 17 == 0:
        raise MissingField(i, "no email")
    if i % 23 == 0:
        raise BadAmount(i, f"amount {-i}")
    return {"id": i, "amount": i * 3 % 101}


def check_batch(start, accepted):
    errors = []
    for i in range(start, start + 100):
        try:
            accepted.append(validate(i))
        except RowError as error:
            error.add_note(f"batch {start}")
            errors.append(error)
    if errors:
        raise ExceptionGroup(f"batch {start}", errors)


def load_owner(name):
    try:
        return lookup_user(name)
    except ToolError as error:
        raise LookupError(f"owner {name} unknown") from error


accepted, stats, notes = [], {"missing": 0, "amount": 0}, []
for start in range(0, 600, 100):
    try:
        check_batch(start, accepted)
    except* MissingField as group:
        stats["missing"] += len(group.exceptions)
        if (first := group.exceptions[0]).row % 4 == 0:
            notes.append((first.row, llm(f"Classify: import failure {first}"), first.__notes__))
    except* BadAmount as group:
        stats["amount"] += len(group.exceptions)
print(json.dumps(stats, sort_keys=True), len(accepted), sum(r["amount"] for r in accepted), "notes:", notes)
group = ExceptionGroup("all", [MissingField(1, "x"), BadAmount(2, "y"), ExceptionGroup("inner", [BadAmount(3, "z")])])
(amounts, rest), late = group.split(BadAmount), group.subgroup(lambda e: isinstance(e, RowError) and e.row > 1)
print(str(amounts), [str(e) for e in amounts.exceptions[:1]], str(amounts.exceptions[1]), str(rest), late.exceptions[0])

for name in ("ana", "zed"):
    try:
        verdict = approval(f"Assign import to {load_owner(name)['email']}")
    except LookupError as error:
        print("chain:", type(error).__name__, error, "<-", repr(error.__cause__), error.__cause__.code)
        verdict = approval(f"Assign import to fallback after {error}")
    finally:
        effect({"owner": name})
    print(name, verdict)
