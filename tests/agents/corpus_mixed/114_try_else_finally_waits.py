# An agent processes a queue with a wait in every clause of try/except/else/finally.
import json

results = []
audit = []


def handle(task):
    kind = task["kind"]
    if kind == "summarize":
        return llm(f"Summarize: {task['payload']}")
    if kind == "export":
        return export(task["payload"] + "_archive")
    if kind == "approve":
        return approval(task["payload"])
    raise ValueError(f"unknown task kind {kind!r}")


for _ in range(7):
    task = next_task("default")
    if task is None:
        break
    try:
        outcome = handle(task)
        if outcome == "rejected":
            raise PermissionError(f"task {task['id']} rejected by reviewer")
    except ToolError as e:
        note = llm(f"Classify this failure: {e.message}")
        audit.append({"task": task["id"], "error": "ToolError", "code": e.code, "label": note})
        print(f"task {task['id']}: tool error {e.code} ({note})")
    except (PermissionError, ValueError) as e:
        ack = approval(f"Acknowledge failure of task {task['id']}: {e}")
        audit.append({"task": task["id"], "error": type(e).__name__, "ack": ack})
        print(f"task {task['id']}: {type(e).__name__}: {e} -> {ack}")
    else:
        score = llm(f"Give a score for: {str(outcome)[:40]}")
        results.append({"task": task["id"], "score": int(score)})
        print(f"task {task['id']}: ok, score {score}")
    finally:
        stamp = fetch_page("https://docs.example/auth").splitlines()[0]
        audit.append({"task": task["id"], "finally": stamp})

print("results:", results)
print(json.dumps(audit, sort_keys=True))
print("errors:", sum(1 for a in audit if "error" in a), "finallies:", sum(1 for a in audit if "finally" in a))
