# Take the first open tasks from the queue: itertools.islice drives a
# generator that waits for every task.
import itertools


def open_tasks(queue):
    while True:
        task = next_task(queue)
        if task is None:
            return
        yield task["id"], task["kind"]


first_two = list(itertools.islice(open_tasks("ops"), 2))
print("first:", first_two)
for task_id, kind in itertools.islice(open_tasks("ops"), 1, None):
    print("later:", task_id, kind)
