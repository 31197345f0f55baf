# Drain a task queue with the two-argument iter(): the callable waits for the
# next task (None when the queue is empty), and a sentinel with its own
# __eq__ ends a stream of model labels; operator.length_hint sizes a batch
# from a backlog whose __len__ waits for an export.
import operator


def pull():
    task = next_task("default")
    return task


handled = []
for task in iter(pull, None):
    handled.append((task["id"], task["kind"]))
    if task["kind"] == "approve":
        print("approval:", approval(task["payload"]))
print("handled:", handled)


class EndOfLabels:
    def __eq__(self, label):
        return str(label).strip().lower() == llm("Is this the last label? " + str(label)).strip().lower()


labels = iter(["billing", "bug", "done"])
print("labels:", list(iter(lambda: next(labels), EndOfLabels())))


class Backlog:
    def __len__(self):
        return len(export("orders"))


print("batch size:", min(operator.length_hint(Backlog(), 10), 50))
