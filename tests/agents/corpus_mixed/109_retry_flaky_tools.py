# Tool dispatch with retries: ToolError with retryable codes and garbled JSON
# are retried; after each failure the agent asks the model how to proceed.
import json
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Attempt:
    tool: str
    arg: int
    tries: int = 0
    errors: list[str] = field(default_factory=list)
    result: Any = None


def call_with_retry(fn: Callable[..., Any], max_tries: int = 3, **kwargs: Any) -> Attempt:
    att = Attempt(fn.__name__, kwargs.get("n", -1))
    while att.tries < max_tries:
        att.tries += 1
        try:
            att.result = fn(**kwargs)
            break
        except ToolError as err:
            att.errors.append(f"{err.code}:{err.tool}")
            if not err.retryable:
                advice = llm(f"Classify: the error {err.message}")
                att.errors.append(f"advice={advice}")
                break
        except json.JSONDecodeError as err:
            att.errors.append(f"garbled:{err.doc}")
    return att


attempts = [call_with_retry(flaky_tool, n=n) for n in (2, 3, 4, 7, 12)]
print(f"{'n':>3} {'tries':>5} {'ok':<5} errors")
for a in attempts:
    print(f"{a.arg:>3} {a.tries:>5} {str(a.result is not None):<5} {a.errors}")
ok = {a.arg: a.result["square"] for a in attempts if a.result}
print(json.dumps(ok, indent=2, sort_keys=True))
verdict = approval(f"Accept {len(ok)} of {len(attempts)} flaky results")
print("verdict:", verdict)
