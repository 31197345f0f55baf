# Call flaky services through decorators with arguments: retry(times, backoff,
# on) re-invokes on retryable errors and records the delays it would sleep,
# memoize(maxsize) keeps model labels in an evicting cache; 900 hot backoffs.
import functools


def retry(times=3, backoff=0.5, on=(ToolError,)):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except on as error:
                    if isinstance(error, ToolError) and not error.retryable or attempt == times:
                        raise
                    wrapper.delays.append((fn.__name__, attempt, backoff * 2 ** (attempt - 1)))

        wrapper.delays = []
        return wrapper

    return deco


def memoize(maxsize):
    def deco(fn):
        cache = {}

        @functools.wraps(fn)
        def wrapper(key):
            if key in cache:
                wrapper.hits += 1
            else:
                cache[key] = fn(key)
                if len(cache) > maxsize:
                    del cache[next(iter(cache))]
            return cache[key]

        wrapper.hits = 0
        return wrapper

    return deco


@retry(times=4, backoff=0.25, on=(ToolError, ValueError))
def square(n):
    return flaky_tool(n)["square"]


@memoize(maxsize=3)
@retry(times=2)
def label(topic):
    return llm(f"Classify: support topic {topic}").strip().upper()


def schedule(attempts, base, cap):
    return sum(min(base * 2**k, cap) for k in range(attempts))


results = {}
for n in range(1, 25):
    try:
        results[n] = square(n)
    except ToolError as error:
        results[n] = f"{error.tool}:{error.code}"
print(results, "delays:", len(square.delays), square.delays[:4])
costs = [schedule(1 + i % 6, 0.125 * (1 + i % 3), 2.0) for i in range(900)]
print("worst:", max(costs), "sum:", sum(costs), "over one second:", sum(c > 1 for c in costs))
topics = ["billing", "login", "billing", "export", "upload", "billing", "login", "login", "export"]
print([label(t) for t in topics], "hits:", label.hits, label.__name__, label.__wrapped__.__name__)
