# Run a migration in steps: a contextlib.contextmanager that waits for an
# approval before the step and writes an audit row after it, a logging
# decorator the script defines, and a defaultdict of what each step touched.
import contextlib
import functools
from collections import defaultdict

journal = defaultdict(list)
calls = []


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        result = fn(*args, **kwargs)
        journal[fn.__name__].append(result)
        return result
    return wrapper


class StepRejected(Exception):
    pass


@contextlib.contextmanager
def step(name):
    decision = approval(f"Run migration step {name}")
    if decision != "approved":
        raise StepRejected(name)
    rows = []
    try:
        yield rows
    except ToolError as error:
        journal["errors"].append(f"{name}: {error.code}")
    else:
        db_write(rows, table=f"migrate_{name}")
    finally:
        journal["audit"].append((name, decision, len(rows)))


@logged
def copy_table(table, rows):
    for row in export(table)[:2]:
        rows.append({"table": table, "id": row.get("id", row.get("number"))})
    return len(rows)


for name, table in [("customers", "customers"), ("invoices", "invoices"), ("ghosts", "ghosts"), ("drop legacy", "orders")]:
    try:
        with step(name) as rows:
            copy_table(table, rows)
    except StepRejected as rejected:
        print("rejected:", rejected)

with contextlib.ExitStack() as stack:
    stack.callback(lambda: journal["closing"].append(approval("Close the migration window")))
    for name in ("orders", "events"):
        rows = stack.enter_context(step(name))
        rows.append({"table": name, "id": len(export(name))})
print(calls)
print(dict(journal))
print(sorted(journal, key=lambda k: (len(journal[k]), k)))
