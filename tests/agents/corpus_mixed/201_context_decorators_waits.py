# Context managers used as decorators: a @contextmanager whose body waits for
# approvals before and after its yield, a ContextDecorator subclass whose
# __exit__ asks the model, an async one around a coroutine, and an exception
# raised inside a decorated function, its traceback printed.
import asyncio
import contextlib
import traceback

log = []


@contextlib.contextmanager
def scope(name):
    verdict = approval("open " + name)
    print("open", name, verdict)
    try:
        yield name
    finally:
        print("close", name, approval("close " + name))


@scope("audit")
def audit(x):
    log.append(("audit", x))
    return x * 2


class Budget(contextlib.ContextDecorator):
    def __init__(self):
        self.spent = 0

    def __enter__(self):
        self.spent += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        note = llm(f"budget {self.spent} {exc_type.__name__ if exc_type else 'ok'}")
        print("budget", self.spent, note[:40])
        return exc_type is ValueError


budget = Budget()


@budget
def step(n):
    if n < 0:
        raise ValueError("negative step")
    return n + 1


@scope("failing")
def failing():
    raise KeyError("missing record")


@contextlib.asynccontextmanager
async def session(name):
    print("session", name, approval("session " + name))
    yield name.upper()


@session("async")
async def fetch(x):
    await asyncio.sleep(0)
    return x * 10


print(audit(3), audit(4))
print(step(1), step(-1), step(2))
try:
    failing()
except KeyError:
    lines = traceback.format_exc().splitlines()
    print([line.strip() for line in lines if line.strip().startswith(("File", "KeyError"))][-2:])
print(asyncio.run(fetch(7)))
print(log, budget.spent)
