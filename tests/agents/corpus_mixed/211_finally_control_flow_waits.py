# Control flow that leaves through `finally` while it waits: a `return` in a
# finally overriding an exception and a return value, `break` and `continue`
# inside finally blocks of a retry loop, for-else/while-else/try-else
# branches that wait, sys.exc_info() and a bare `raise` after a wait in a
# handler, `raise ... from` and implicit __context__ chains kept across
# waits, an __exit__ that waits and replaces the exception, and a sync
# except* over an ExceptionGroup built from tool failures.
import sys


class StepFailed(Exception):
    pass


def guarded(task):
    try:
        if task % 3 == 0:
            raise StepFailed(f"task {task}")
        return f"ok {task}"
    finally:
        if task % 2 == 0:
            return f"overridden {task}: {approval(f'Override the result of task {task}')}"


def retry_loop(n):
    attempts = []
    for attempt in range(1, 6):
        try:
            attempts.append(flaky_tool(n)["attempt"])
        except ToolError as exc:
            attempts.append(exc.code)
            if not exc.retryable:
                break
        except ValueError:
            attempts.append("garbled")
        finally:
            note = llm(f"Classify: attempt {attempt} of {n}")
            if note == "bug":
                continue
            if len(attempts) >= 2:
                break
    else:
        attempts.append("exhausted")
    return attempts


def chained(table):
    try:
        try:
            export(table)
        except ToolError as inner:
            kind, value, _ = sys.exc_info()
            decision = approval(f"Ignore missing table {table}")
            print("  handling", kind.__name__, value.code, decision, sys.exc_info()[1] is value)
            if decision == "approved":
                raise StepFailed(f"skipped {table}") from inner
            raise
    except StepFailed as outer:
        cause = outer.__cause__
        print("  chain:", outer, "<-", type(cause).__name__, cause.code, outer.__suppress_context__)
        return llm(f"Summarize: {outer} because {cause.message}")
    return "no error"


class Audit:
    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is KeyError:
            verdict = approval(f"Report the missing key {exc.args[0]}")
            raise StepFailed(f"audit {verdict}")
        return False


print([guarded(t) for t in (1, 2, 4, 6, 12)])
try:
    guarded(9)
except StepFailed as exc:
    print("not overridden:", exc)
for n in (3, 4, 7, 5):
    print(n, retry_loop(n))
print(chained("customers"), chained("payroll"))
try:
    with Audit():
        {"a": 1}["missing"]
except StepFailed as exc:
    ctx = exc.__context__
    print("exit replaced:", exc, "context:", type(ctx).__name__, ctx, exc.__cause__)
i = 0
while i < 3:
    i += 1
    if llm(f"Answer yes or no: stop at {i}") == "yes":
        print("stopped at", i)
        break
else:
    print("no stop", approval("Continue after three checks"))
try:
    errors = []
    for n in (7, 14, 3):
        try:
            flaky_tool(n)
        except ToolError as exc:
            errors.append(exc)
    raise ExceptionGroup("tools", errors)
except* ToolError as group:
    codes = sorted(e.code for e in group.exceptions)
    print("group:", codes, approval(f"Accept {len(codes)} failures"))
else:
    print("never")
