# An agent guards a service with a circuit breaker and simulated timeouts driven by counters.
import enum
import json


class State(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitOpen(Exception):
    def __init__(self, name, failures):
        super().__init__(f"circuit {name!r} is open after {failures} failures")
        self.failures = failures


class SimTimeout(TimeoutError):
    pass


class Breaker:
    def __init__(self, name, threshold=2, cooldown=2):
        self.name, self.threshold, self.cooldown = name, threshold, cooldown
        self.state, self.failures, self.ticks, self.history = State.CLOSED, 0, 0, []

    def call(self, fn, *args):
        self.ticks += 1
        if self.state is State.OPEN:
            if self.ticks - self.opened_at < self.cooldown:
                raise CircuitOpen(self.name, self.failures)
            self.state = State.HALF_OPEN
        try:
            result = fn(*args)
        except (ToolError, SimTimeout) as err:
            self.failures += 1
            self.history.append(f"{self.ticks}:{type(err).__name__}")
            if self.state is State.HALF_OPEN or self.failures >= self.threshold:
                self.state, self.opened_at = State.OPEN, self.ticks
            raise
        else:
            self.state, self.failures = State.CLOSED, 0
            self.history.append(f"{self.ticks}:ok")
            return result


budget = {"calls": 0}


def slow_fetch(url):
    budget["calls"] += 1
    text = fetch_page(url)
    if budget["calls"] in (2, 3):
        raise SimTimeout(f"fetch of {url.rsplit('/', 1)[-1]} took too long (call {budget['calls']})")
    return len(text)


breaker = Breaker("pages")
urls = ["https://shop.example/pricing", "https://shop.example/faq", "https://shop.example/terms",
        "https://news.example/outage", "https://news.example/launch", "https://docs.example/export"]
log = []
for url in urls:
    try:
        size = breaker.call(slow_fetch, url)
        log.append({"url": url[8:], "size": size})
    except CircuitOpen as e:
        decision = approval(f"Skip {url} while the circuit is open")
        log.append({"url": url[8:], "skipped": str(e), "decision": decision})
    except TimeoutError as e:
        log.append({"url": url[8:], "timeout": str(e), "errno": e.errno})
    print(f"{url[8:]:32} {breaker.state.value:9} failures={breaker.failures}")
print(json.dumps(log, indent=1))
print("history:", breaker.history, "calls:", budget["calls"])
print("issubclass:", issubclass(SimTimeout, OSError), isinstance(CircuitOpen("x", 1), Exception))
