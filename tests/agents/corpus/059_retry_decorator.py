# A retry decorator for tool calls: it retries retryable errors, waits for a
# human decision before the last attempt, and keeps the attempt count.
import functools
import json


def retry(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args)
                except (ToolError, json.JSONDecodeError) as err:
                    print(f"{fn.__name__}{args}: attempt {attempt} failed: {err}")
                    if attempt == times - 1:
                        decision = approval(f"Allow a last attempt of {fn.__name__}{args}")
                        if decision != "approved":
                            break
            return None

        wrapper.attempts = times
        return wrapper

    return decorate


@retry(3)
def square(n):
    """Square n with the flaky tool."""
    return flaky_tool(n)["square"]


print(square.__name__, square.__doc__, square.attempts)
print([square(n) for n in (2, 3, 4, 7)])
