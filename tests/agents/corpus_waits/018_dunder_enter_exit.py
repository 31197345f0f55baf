# Put services into maintenance with a `with` block: __enter__ waits for the
# approval and __exit__ asks the model for a closing note.
class Maintenance:
    def __init__(self, service):
        self.service = service

    def __enter__(self):
        if approval(f"Put {self.service} into maintenance") != "approved":
            raise PermissionError(f"maintenance of {self.service} was rejected")
        effect(f"maintenance on: {self.service}")
        return self

    def __exit__(self, exc_type, exc, tb):
        outcome = exc_type.__name__ if exc_type else "ok"
        note = llm(f"Summarize: maintenance of {self.service} ended with {outcome}")
        effect(note.removeprefix("Summary: "))
        return exc_type is KeyError


with Maintenance("search") as m:
    print("reindexing", m.service)
with Maintenance("billing"):
    {}["missing"]
print("after maintenance")
