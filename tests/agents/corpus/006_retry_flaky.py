# Call a flaky tool for a range of inputs with retries; when a call fails for
# good, ask the model to explain the failure for the operator.
import json

MAX_ATTEMPTS = 3
results = {}
failures = []

for n in range(1, 10):
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            value = flaky_tool(n)
        except ToolError as err:
            if err.retryable and attempt < MAX_ATTEMPTS:
                print(f"n={n}: {err} (code {err.code}), retrying")
                continue
            explanation = llm(f"Explain this tool failure to an operator: {err}")
            print(f"n={n}: giving up: {explanation}")
            failures.append({"n": n, "code": err.code, "why": explanation})
            break
        except json.JSONDecodeError as err:
            print(f"n={n}: bad response at pos {err.pos}: {err.msg}")
            continue
        else:
            results[n] = value["square"]
            print(f"n={n}: ok after {value['attempt']} attempt(s)")
            break
    else:
        failures.append({"n": n, "code": None, "why": "out of attempts"})

print("results:", results)
print("failures:", json.dumps(failures, indent=1))
