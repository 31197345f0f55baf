# Work through the default task queue until it is empty; failed tasks are
# retried once from a deque at the end.
from collections import deque

done = []
retry = deque()


def handle(task):
    match task["kind"]:
        case "summarize":
            text = llm(f"Summarize: {task['payload']}")
            print(f"task {task['id']}: {text}")
        case "email":
            payload = task["payload"]
            send_email(payload["to"], payload["subject"])
            print(f"task {task['id']}: mailed {payload['to']}")
        case "export":
            rows = export(task["payload"])
            print(f"task {task['id']}: exported {len(rows)} rows")
        case "approve":
            decision = approval(task["payload"])
            if decision != "approved":
                raise PermissionError(f"task {task['id']} was {decision}")
            print(f"task {task['id']}: approved")
        case other:
            raise ValueError(f"unknown task kind {other!r}")


while True:
    task = next_task()
    if task is None:
        break
    try:
        handle(task)
        done.append(task["id"])
    except (PermissionError, ValueError) as err:
        print("failed:", err)
        retry.append(task)

while retry:
    task = retry.popleft()
    effect({"gave_up": task["id"], "kind": task["kind"]})
print("done:", done)
