# Publish exported tables through resources managed by contextlib: a
# @contextmanager transaction that waits for approval after its yield (in
# the with statement's exit), an ExitStack of writers whose callbacks run
# LIFO and that pop_all()s them to a later with, nullcontext for a dry run,
# and redirect_stdout capturing a hot loop's 400 printed lines and a wait.
import contextlib
import io

events = []


@contextlib.contextmanager
def transaction(name):
    events.append(f"begin {name}")
    staged = []
    try:
        yield staged
    except ValueError as error:
        events.append(f"rollback {name}: {error}")
        raise
    else:
        verdict = approval(f"Commit {len(staged)} rows of {name}")
        events.append(f"{verdict} {name}")
    finally:
        events.append(f"end {name}")


class Writer:
    def __init__(self, name):
        self.name, self.lines = name, 0

    def __enter__(self):
        events.append(f"open {self.name}")
        return self

    def __exit__(self, *exc):
        events.append(f"close {self.name} after {self.lines}")


def publish(tables):
    with contextlib.ExitStack() as stack:
        writers = [stack.enter_context(Writer(t)) for t in tables]
        stack.callback(events.append, "callback: flushed")
        for w in writers:
            rows = export(w.name)
            for _ in range(60):
                for row in rows:
                    w.lines += len(row)
        return stack.pop_all()


with publish(["orders", "invoices"]):
    events.append(f"using the writers after {events[-1]}")
for name, dry in (("orders", False), ("tickets", True), ("events", False)):
    try:
        with transaction(name) if not dry else contextlib.nullcontext([]) as staged:
            staged.extend(r for r in export(name) if len(r) >= 3)
            if name == "events":
                raise ValueError("clock skew in events")
    except ValueError as error:
        print("failed:", error)
    print(name, len(staged))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    for i in range(400):
        print(f"{i:04d} {i * i % 97:3d}")
    print(llm("Summarize: four hundred squares modulo ninety seven were printed"))
captured = buf.getvalue().splitlines()
print(len(captured), captured[:2], captured[-1])
print("\n".join(events))
