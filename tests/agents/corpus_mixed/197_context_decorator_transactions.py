# Migrate exported orders inside nested context managers: a Transaction whose
# __exit__ asks for approval before it commits (and rolls back, suppressing a
# KeyError from an exhausted budget, on error), a @contextmanager audit scope
# that waits before and after its yield and is also used as a decorator
# (ContextDecorator), a closure budget with nonlocal state charged 1000 times
# in a hot loop, and an ExitStack whose callbacks release locks in reverse.
import contextlib
import json

EVENTS = []


class Transaction:
    def __init__(self, name):
        self.name, self.ops, self.state = name, [], "open"

    def __enter__(self):
        EVENTS.append(f"begin {self.name}")
        return self

    def __exit__(self, etype, exc, tb):
        if etype is not None:
            self.state = "rolled back"
            EVENTS.append(f"rollback {self.name} after {len(self.ops)} ops: {exc}")
            return issubclass(etype, KeyError)
        verdict = approval(
            f"Commit {len(self.ops)} ops of {self.name}: {', '.join(self.ops[:2])}"
        )
        self.state = "committed" if verdict == "approved" else "discarded"
        if self.state == "committed":
            db_write([{"op": op} for op in self.ops[:5]], table=self.name)
        EVENTS.append(f"{self.state} {self.name}")
        return False


@contextlib.contextmanager
def audit(scope):
    plan = llm(f"Write a plan for: {scope}")
    EVENTS.append(f"audit {scope}: {plan.splitlines()[0]}")
    try:
        yield plan.count("\n") + 1
    finally:
        EVENTS.append(f"audited {scope}: {approval(f'Close the audit of {scope}')}")


def make_budget(limit):
    spent = 0

    def charge(n):
        nonlocal spent
        if spent + n > limit:
            raise KeyError(f"budget {limit} exceeded at {spent} + {n}")
        spent += n
        return limit - spent

    return charge


@audit("reindex")
def reindex(rows):
    return [
        r["id"]
        for r in sorted(rows, key=lambda r: (r["status"], -float(r["amount"])))[:4]
    ]


orders, charge = export("orders"), make_budget(3000)
with audit("migrate orders") as steps, contextlib.ExitStack() as stack:
    for table in ("orders", "customers", "refunds"):
        EVENTS.append(f"lock {table}")
        stack.callback(EVENTS.append, f"unlock {table}")
    with Transaction("orders") as tx:
        for i in range(1000):
            order = orders[i % len(orders)]
            tx.ops.append(
                f"{order['id']}:{order['status'][:4]}:{charge(len(order['status']))}"
            )
    with Transaction("refunds") as refunds:
        refunds.ops.extend(
            f"refund {o['id']} {o['amount']}"
            for o in orders
            if o["status"] == "refunded"
        )
    with contextlib.suppress(ZeroDivisionError), Transaction("empty") as empty:
        empty.ops.append(1 / len(refunds.ops[2:]))
print(tx.state, len(tx.ops), tx.ops[-1], refunds.state, refunds.ops, empty.state, steps)
print(
    reindex(orders),
    reindex.__wrapped__.__name__
    if hasattr(reindex, "__wrapped__")
    else reindex.__name__,
)
print(json.dumps(EVENTS, indent=1))
