# Flaky calls through stacked functools.wraps decorators: retry(times, on) asks
# approval before giving up (a wait in a wrapper), logged(prefix) formats a
# pending model label, a class decorator counts calls of public methods;
# inspect.unwrap/signature see through, 600 hot calls with a fetch every 150.
import functools
import inspect
from collections import Counter

CALLS, LOG = Counter(), []


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        CALLS[fn.__qualname__] += 1
        return fn(*args, **kwargs)

    return wrapper


def logged(prefix):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(self, *args):
            try:
                result = fn(self, *args)
            except Exception as exc:
                LOG.append(f"{prefix}:{fn.__name__}{args}!{type(exc).__name__}")
                raise
            LOG.append(f"{prefix}:{fn.__name__}{args}={result!r}"[:50])
            return result

        return wrapper

    return deco


def retry(times, on=(ToolError,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(self, *args):
            for attempt in range(1, times + 1):
                try:
                    return fn(self, *args)
                except on as exc:
                    last = exc
                    if not getattr(exc, "retryable", True):
                        break
            if (
                approval(
                    f"Give up on {fn.__name__}{args} in {self.env} after {attempt} attempts: {last}"
                )
                == "approved"
            ):
                return None
            raise last

        wrapper.times = times
        return wrapper

    return deco


def instrument(cls):
    for name, member in list(vars(cls).items()):
        if inspect.isfunction(member) and not name.startswith("_"):
            setattr(cls, name, counted(member))
    return cls


@instrument
class Client:
    def __init__(self, env, scale):
        self.env, self.scale = env, scale

    @retry(3, on=(ToolError, ValueError))
    @logged("flaky")
    def fetch(self, n):
        return flaky_tool(n)["square"] * self.scale

    @logged("model")
    def label(self, text):
        return llm(f"Classify: {text}")

    def norm(self, i):
        return (i * self.scale) % 17


print(
    inspect.signature(Client.fetch),
    Client.fetch.__wrapped__.times,
    inspect.unwrap(Client.fetch).__qualname__,
)
results = []
for env, scale in (("staging", 2), ("production", 3)):
    client, acc = Client(env, scale), 0
    for i in range(600):
        acc += client.norm(i)
        if i % 150 == 149:
            n = (5, 12, 7, 14)[i // 150]
            try:
                results.append((env, n, client.fetch(n)))
            except (ToolError, ValueError) as exc:
                results.append((env, n, f"{type(exc).__name__}: {exc}"))
    results.append((env, "label", client.label(f"the {env} upload crashes"), acc))
print(results)
print(sorted(CALLS.items()), len(LOG))
print("\n".join(LOG[:6] + LOG[-4:]))
