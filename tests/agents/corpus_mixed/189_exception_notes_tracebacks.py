# expect-error: __main__.QuotaExceeded
# Triage failing tool calls with a custom exception hierarchy (__str__ with
# codes, raise-from chains, `from None`), notes from the model added with
# add_note inside the handler (a wait in an except block), sys.exc_info and
# traceback.format_exception / format_exception_only / format_exc printed
# after the wait, and a finally that waits for approval before a quota
# error escapes the job with its notes.
import sys
import traceback


class AgentError(Exception):
    code = 500

    def __init__(self, what, *, tool=None):
        super().__init__(what)
        self.what, self.tool = what, tool

    def __str__(self):
        return f"[{self.code}] {self.what}" + (
            f" (via {self.tool})" if self.tool else ""
        )


class NotFound(AgentError):
    code = 404


class QuotaExceeded(AgentError):
    code = 429


def call(name, arg):
    try:
        if name == "user":
            return lookup_user(arg)
        if name == "mail":
            return send_email(arg, "hello")
        if name == "flaky":
            return flaky_tool(arg)
        raise KeyError(name)
    except ToolError as exc:
        raise (NotFound if exc.code == 404 else AgentError)(
            exc.message, tool=exc.tool
        ) from exc
    except KeyError as exc:
        raise NotFound(f"no tool {exc.args[0]!r}") from None


report = []
for name, arg in [
    ("user", "ana"),
    ("user", "zed"),
    ("mail", "bad@host"),
    ("flaky", 9),
    ("shell", "ls"),
]:
    try:
        report.append((name, "ok", sorted(call(name, arg))[:3]))
    except AgentError as err:
        err.add_note("advice: " + llm(f"Summarize: how to recover from {err}"))
        etype, value, tb = sys.exc_info()
        report.append((name, etype.__name__, str(value), len(traceback.extract_tb(tb))))
        print("".join(traceback.format_exception(err)).rstrip())
        print(
            "only:",
            traceback.format_exception_only(etype, value)[0].rstrip(),
            "| cause:",
            repr(err.__cause__),
        )
print(report)


def spend(budget):
    used = 0
    try:
        for step in range(3000):
            used += len(str(step * step)) + (step % 7 == 0)
            if used > budget:
                raise QuotaExceeded(
                    f"used {used} of {budget} tokens at step {step}", tool="planner"
                )
    finally:
        verdict = approval(f"Stop the planner after {used} tokens")
        print("finally:", verdict, used)
    return used


try:
    spend(4000)
except QuotaExceeded as exc:
    exc.add_note(f"handled at {sys.exc_info()[0].__name__}")
    text = traceback.format_exc()
    print(text.splitlines()[-3:], exc.__notes__)
    raise
