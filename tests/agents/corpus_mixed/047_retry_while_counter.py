# Call a flaky tool with retries in a while loop: each attempt waits for an
# approval first; a retryable ToolError or a garbled JSON answer retries, a
# permanent one is logged with its traceback (printed after a resume).
import json
import traceback

MAX_ATTEMPTS = 4
results, failures = {}, []
for n in [5, 6, 8, 14]:
    attempt = 0
    last_error = None
    while attempt < MAX_ATTEMPTS:
        attempt += 1
        decision = approval(f"Run flaky_tool({n}) attempt {attempt}")
        if decision != "approved":
            break
        try:
            results[n] = flaky_tool(n)
            break
        except ToolError as err:
            last_error = err
            if not err.retryable:
                hint = llm(f"Summarize: {err.message}")
                print(f"n={n}: permanent failure, {hint}")
                print(traceback.format_exc().splitlines()[-1])
                failures.append({"n": n, "code": err.code, "attempts": attempt})
                break
            print(f"n={n}: attempt {attempt} failed with {err.code}, retrying")
        except json.JSONDecodeError as err:
            last_error = err
            print(f"n={n}: attempt {attempt} garbled: {err.msg} at {err.pos}")
    else:
        failures.append({"n": n, "code": None, "attempts": attempt})
    status = "ok" if n in results else f"failed ({type(last_error).__name__})"
    print(f"n={n}: {status} after {attempt} attempts")

print(json.dumps(results, sort_keys=True))
db_write(failures, table="failures")
