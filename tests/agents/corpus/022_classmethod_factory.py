# Tasks are built from the ops queue by a classmethod factory; the factory
# validates the queue's answer before building the task.
class OpsTask:
    registry = {}

    def __init__(self, task_id, kind, service, priority):
        self.task_id = task_id
        self.kind = kind
        self.service = service
        self.priority = priority

    @classmethod
    def next_from_queue(cls):
        raw = next_task("ops")
        if raw is None:
            return None
        payload = raw["payload"]
        task = cls(raw["id"], raw["kind"], payload["service"], payload["priority"])
        cls.registry[task.task_id] = task
        return task

    @staticmethod
    def describe(task):
        return f"#{task.task_id} {task.kind} {task.service} (p{task.priority})"


tasks = []
while (task := OpsTask.next_from_queue()) is not None:
    tasks.append(task)
    print("queued", OpsTask.describe(task))

for task in sorted(tasks, key=lambda t: (t.priority, t.task_id)):
    decision = approval(f"Run {task.kind} on {task.service}")
    print(OpsTask.describe(task), decision)
print(sorted(OpsTask.registry))
