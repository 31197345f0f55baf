# Drain three task queues with a worker loop: match on each task's kind, a
# hot per-task inner loop over payload words and retry attempts against the
# flaky tool, try/except/finally with `break` in the except block, and
# counters kept in a dict that is serialized at the end.
import json

counters = {"done": 0, "failed": 0, "attempts": 0, "words": 0}
journal = []


def attempt_all(seed, tries=4):
    for k in range(tries):
        counters["attempts"] += 1
        try:
            return flaky_tool(seed + k * 7)["square"]
        except ToolError as error:
            if not error.retryable:
                break
        except json.JSONDecodeError:
            continue
        finally:
            journal.append(f"{seed}/{k}")
    return None


def handle(task):
    match task:
        case {"kind": "summarize", "payload": str(text)}:
            lengths = [len(w) for w in text.split()]
            counters["words"] += len(lengths)
            return llm(f"Summarize: {text}")[:30] if max(lengths) > 7 else f"short:{sum(lengths)}"
        case {"kind": "approve", "payload": str(text)}:
            return approval(text)
        case {"kind": "ticket" | "deploy" | "restart" | "rotate-keys" as kind, "payload": {**rest}}:
            score = attempt_all(task["id"])
            return f"{kind}:{score}:{','.join(sorted(rest))}"
        case {"kind": "email", "payload": {"to": to}}:
            return send_email(to, "Hello from the worker")["status"]
        case _:
            return attempt_all(task["id"] * 3)


results = {}
for queue in ("default", "support", "ops"):
    while (task := next_task(queue)) is not None:
        try:
            results[f"{queue}:{task['id']}"] = handle(task)
            counters["done"] += 1
        except ToolError as error:
            counters["failed"] += 1
            results[f"{queue}:{task['id']}"] = f"error {error.code}"

print(json.dumps(results, sort_keys=True))
print(json.dumps(counters, sort_keys=True))
print("journal:", len(journal), journal[:8])
