class Step:
    depth = 0
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        Step.depth += 1
        print("  " * Step.depth + "enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("  " * Step.depth + "exit", self.name, exc_type.__name__ if exc_type else None)
        Step.depth -= 1
        return self.swallow

with Step("outer") as outer, Step("inner"):
    print("working in", outer.name)
with Step("guard", swallow=True):
    raise ValueError("ignored")
try:
    with Step("strict"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", e)
