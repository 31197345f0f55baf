# A dispatcher that validates model-proposed arguments with
# inspect.signature().bind, retries through a functools.wraps decorator, and
# checks guard rails with any()/all() over approvals.
import functools
import inspect
import json
from typing import Any, Callable, Optional

REGISTRY: dict[str, Callable[..., Any]] = {}


def retrying(times: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            last: Optional[Exception] = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except (ToolError, json.JSONDecodeError) as err:
                    last = err
            raise ToolError(f"{fn.__name__} failed {times} times: {last}", tool=fn.__name__, code=503)
        REGISTRY[fn.__name__] = wrapper
        return wrapper
    return deco


@retrying(3)
def square(n: int) -> int:
    """Square a number with the flaky remote service."""
    return flaky_tool(n)["square"]


@retrying(2)
def label(text: str, style: str = "plain") -> str:
    """Label a text with the model."""
    return f"{style}:{llm(f'Classify: {text}')}"


proposals = json.loads('[{"name": "square", "args": {"n": 3}}, {"name": "label", "args": {"text": "App crashes on upload"}}, {"name": "square", "args": {"m": 2}}, {"name": "square", "args": {"n": 14}}, {"name": "label", "args": {"text": "Please add dark mode", "style": "loud"}}]')
rows: list[tuple[str, str, str]] = []
for p in proposals:
    fn = REGISTRY[p["name"]]
    try:
        bound = inspect.signature(fn).bind(**p["args"])
    except TypeError as err:
        rows.append((p["name"], json.dumps(p["args"]), f"bad args: {err}"))
        continue
    bound.apply_defaults()
    try:
        rows.append((p["name"], json.dumps(dict(bound.arguments)), str(fn(*bound.args, **bound.kwargs))))
    except ToolError as err:
        rows.append((p["name"], json.dumps(p["args"]), f"error {err.code}"))

for name, args, out in rows:
    print(f"{name:<7}|{args:<42}|{out}")
requests = ["Restart search", "Delete the staging database", "Rotate auth keys"]
all_ok = all(approval(r) == "approved" for r in requests)
print("all approved:", all_ok)
headline = ", ".join(llm(f"Classify: {r}") for r in requests[:2])
print(f"headline: {headline:>30}|")
print(json.dumps({"doc": square.__doc__, "wrapped": square.__wrapped__.__name__, "sig": str(inspect.signature(label))}, indent=2))
