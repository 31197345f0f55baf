# Restart several services under one contextlib.ExitStack: the callbacks it
# runs on exit ask the model for a status note.
import contextlib


def report(service):
    note = llm(f"Summarize: {service} restarted and is healthy")
    effect(note.removeprefix("Summary: "))


with contextlib.ExitStack() as stack:
    for service in ["search", "billing"]:
        effect(f"restarting {service}")
        stack.callback(report, service)
    print("all restarts issued")
print("notes written")
