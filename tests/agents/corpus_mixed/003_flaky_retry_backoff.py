# Call a flaky service with retries and exponential backoff (the delays are
# recorded, not slept); each attempt's cleanup is an ExitStack callback that
# waits for the model's note, and the published result waits for approval.
import contextlib
import json

delays = []


def backoff(attempt, base=0.5, cap=4.0):
    return min(cap, base * 2**attempt)


def note(n, attempt, outcome):
    text = llm(f"Summarize: attempt {attempt} for item {n} ended with {outcome}")
    effect({"item": n, "attempt": attempt, "note": text.removeprefix("Summary: ")})


def call_with_retries(n, attempts=4):
    last = None
    for attempt in range(attempts):
        with contextlib.ExitStack() as stack:
            outcome = ["started"]
            stack.callback(lambda: note(n, attempt, outcome[0]))
            try:
                result = flaky_tool(n)
            except json.JSONDecodeError as error:
                outcome[0] = f"garbage at {error.pos}"
                last = error
            except ToolError as error:
                outcome[0] = f"error {error.code}"
                if not error.retryable:
                    raise
                last = error
            else:
                outcome[0] = "ok"
                return result
            finally:
                delays.append(backoff(attempt))
    raise RuntimeError(f"item {n} failed after {attempts} attempts") from last


results = {}
for n in (5, 3, 8, 14):
    try:
        results[n] = call_with_retries(n)
    except ToolError as error:
        results[n] = f"gave up: {error.message} ({error.code})"
    except RuntimeError as error:
        results[n] = f"{error} after {type(error.__cause__).__name__}"

print(json.dumps(results, sort_keys=True))
print("delays:", delays, "total", sum(delays))
verdict = approval(f"Publish results for {len(results)} items")
print(verdict, [k for k, v in results.items() if isinstance(v, dict)])
