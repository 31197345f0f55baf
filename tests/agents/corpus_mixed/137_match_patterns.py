# Route queued tasks with structural pattern matching: class patterns on a
# small record, mapping patterns capturing **rest, sequence patterns with
# *rest, and guards that wait on the model or a human.
import json
from dataclasses import dataclass


@dataclass
class Job:
    kind: str
    target: str
    priority: int


def route(task):
    match task:
        case {"kind": "summarize", "payload": str(text), **rest} if len(llm(f"Summarize: {text}")) > 40:
            return f"long summary for {rest['id']}"
        case {"kind": "summarize", **rest}:
            return f"short summary for {rest['id']}"
        case {"kind": "email", "payload": {"to": to, **headers}}:
            return f"email to {to} with {sorted(headers)}"
        case {"kind": "approve", "payload": str(text)} if approval(text) == "approved":
            return f"approved: {text}"
        case {"kind": "approve", "payload": text}:
            return f"rejected: {text}"
        case {"kind": kind, **rest} if kind in ("export",):
            rows = export(rest["payload"])
            return f"exported {len(rows)} rows"
        case {"id": ident, **rest}:
            return f"unknown {ident} {sorted(rest)}"


results = []
while (task := next_task("default")) is not None:
    results.append(route(task))
print(json.dumps(results, indent=1))


def plan_steps(topic):
    match llm(f"Make a plan: {topic}").splitlines():
        case [first, *middle, last] if "draft" in " ".join(middle):
            return {"first": first, "middle": len(middle), "last": last}
        case [only]:
            return {"only": only}
        case []:
            return {}


print(plan_steps("quarterly report"))

jobs = [Job("deploy", "billing", 1), Job("restart", "search", 2), Job("deploy", "production-api", 1)]
for job in jobs:
    match job:
        case Job(kind="deploy", target=t, priority=1) if approval(f"Deploy {t}") == "approved":
            print("deploying", t)
        case Job(kind="deploy", target=t):
            print("deploy blocked", t)
        case Job(kind=k, target=t, priority=p) if p > 1:
            print("later", k, t, p)

match export("orders"):
    case [{"status": "paid", "id": first_id}, *others, {"id": last_id}]:
        print("first paid", first_id, "others", len(others), "last", last_id)
    case _:
        print("no match")
