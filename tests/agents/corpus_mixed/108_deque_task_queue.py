# A task queue agent: a deque fed by next_task, each task dispatched to a tool
# handler from a registry; the loop condition waits for the next task.
import json
from collections import deque
from typing import Any, Callable, Optional, TypedDict


class Task(TypedDict):
    id: int
    kind: str
    payload: Any


HANDLERS: dict[str, Callable[[Any], str]] = {}


def handles(kind: str) -> Callable[[Callable[[Any], str]], Callable[[Any], str]]:
    def register(fn: Callable[[Any], str]) -> Callable[[Any], str]:
        HANDLERS[kind] = fn
        return fn
    return register


@handles("summarize")
def do_summarize(payload: str) -> str:
    return llm(f"Summarize: {payload}")


@handles("email")
def do_email(payload: dict) -> str:
    return send_email(payload["to"], payload["subject"])["status"]


@handles("export")
def do_export(payload: str) -> str:
    rows = export(payload)
    return f"{len(rows)} rows"


@handles("approve")
def do_approve(payload: str) -> str:
    return approval(payload)


queue: deque[Task] = deque()
done: list[tuple[int, str, str]] = []
task: Optional[Task]
while (task := next_task("default")) is not None:
    queue.append(task)
    if len(queue) < 2:
        continue
    current = queue.popleft()
    handler = HANDLERS.get(current["kind"])
    outcome = handler(current["payload"]) if handler else "skipped"
    done.append((current["id"], current["kind"], outcome))
while queue:
    current = queue.popleft()
    handler = HANDLERS.get(current["kind"])
    done.append((current["id"], current["kind"], handler(current["payload"]) if handler else "skipped"))

for tid, kind, outcome in done:
    print(f"{tid:>3} | {kind:<10} | {outcome}")
print(json.dumps({"handled": len(done), "kinds": sorted({k for _, k, _ in done})}, indent=2))
