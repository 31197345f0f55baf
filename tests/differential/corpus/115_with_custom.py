class Timer:
    def __init__(self, label):
        self.label = label
        self.ticks = 0
    def __enter__(self):
        print(f"start {self.label}")
        return self
    def tick(self):
        self.ticks += 1
    def __exit__(self, exc_type, exc_value, traceback):
        print(f"stop {self.label} after {self.ticks} ticks, error={exc_type.__name__ if exc_type else None}")
with Timer("job") as t:
    for _ in range(3):
        t.tick()
print("ticks outside:", t.ticks)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because", exc)
            return True
        print("committed")
db = {"balance": 100}
with Transaction(db) as s:
    s["balance"] -= 30
print(db)
with Transaction(db) as s:
    s["balance"] -= 500
    if s["balance"] < 0:
        raise ValueError("overdraft")
print(db)
class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
    def __exit__(self, *exc):
        Indent.level -= 1
def say(text):
    print("  " * Indent.level + text)
say("top")
with Indent():
    say("one")
    with Indent():
        say("two")
    say("one again")
say("top again")
with Timer("as-target-attr") as obj_holder:
    pass
print(type(obj_holder).__name__)
