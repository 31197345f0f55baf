# An agent wraps tool sessions in context managers whose __exit__ logs and sometimes swallows the exception.
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s", level=logging.INFO, force=True)
log = logging.getLogger("agent.session")


class Session:
    def __init__(self, name, swallow=()):
        self.name, self.swallow = name, swallow
        self.calls = 0

    def __enter__(self):
        log.info("open %s", self.name)
        return self

    def ask(self, prompt):
        self.calls += 1
        return llm(prompt)

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            log.info("close %s after %d calls", self.name, self.calls)
            return False
        log.error("%s failed: %s: %s", self.name, exc_type.__name__, exc)
        if issubclass(exc_type, self.swallow):
            verdict = approval(f"Swallow {exc_type.__name__} in {self.name}")
            log.warning("swallowed (%s)", verdict)
            return True
        return False


with Session("summaries") as s:
    print("summary:", s.ask("Summarize: the quarterly numbers look good"))

with Session("scores", swallow=(ValueError,)) as s:
    score = int(s.ask("Give a score for the launch"))
    print("score:", score)
    int(s.ask("Summarize: not a number"))
    print("not reached")
print("after swallowed block, calls:", s.calls)

try:
    with Session("exports", swallow=(ValueError,)) as s:
        rows = export("orders")
        missing = rows[0]["currency"]
except KeyError as e:
    log.exception("outer handler got %r", e)
    print("re-raised KeyError:", e)

try:
    with Session("outer"):
        with Session("inner", swallow=(ZeroDivisionError,)) as inner:
            page = fetch_page("https://docs.example/export")
            print(len(page) // 0)
        log.info("inner swallowed, raising in outer")
        raise LookupError("outer broke")
except LookupError as e:
    print("final:", type(e).__name__, e)
