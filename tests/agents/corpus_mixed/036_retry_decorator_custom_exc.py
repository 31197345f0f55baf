# Call flaky services through a retry decorator the script defines, with
# custom exceptions, try/except/else/finally around each call, an approval
# before giving up, and a global counter of attempts.
import functools
import json

ATTEMPTS = 0
GIVEN_UP = []


class Retryable(Exception):
    pass


class GaveUp(Exception):
    def __init__(self, n, cause):
        super().__init__(f"gave up on {n}: {cause}")
        self.n = n


def retry(times):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            global ATTEMPTS
            last = None
            for attempt in range(1, times + 1):
                ATTEMPTS += 1
                try:
                    return fn(*args)
                except Retryable as error:
                    last = error
                    if attempt == times and approval(f"Give up on {fn.__name__}{args} after {attempt} tries") == "approved":
                        raise GaveUp(args[0], error) from error
            raise GaveUp(args[0], last)
        return wrapper
    return decorate


@retry(times=3)
def compute(n):
    """Square n via the flaky tool."""
    try:
        return flaky_tool(n)
    except json.JSONDecodeError as error:
        raise Retryable(f"garbled ({error.msg})") from None
    except ToolError as error:
        if error.retryable:
            raise Retryable(error.message) from error
        raise


results = {}
for n in (3, 4, 5, 7, 8):
    try:
        outcome = compute(n)
    except GaveUp as error:
        GIVEN_UP.append(error.n)
        print("gave up:", error, "| cause:", type(error.__cause__).__name__)
    except ToolError as error:
        print("fatal:", error.message, error.code)
        results[n] = llm(f"Answer yes or no: retry {n} later?")
    else:
        results[n] = outcome["square"]
        print(f"{compute.__name__}({n}) = {outcome['square']} after {outcome['attempt']}")
    finally:
        print("attempts so far:", ATTEMPTS)

print(results, GIVEN_UP, compute.__doc__)
