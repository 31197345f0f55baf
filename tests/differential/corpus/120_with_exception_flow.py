class Recorder:
    def __init__(self):
        self.events = []
    def __enter__(self):
        self.events.append("enter")
        return self
    def __exit__(self, exc_type, exc, tb):
        self.events.append(("exit", exc_type.__name__ if exc_type else None, str(exc) if exc else None, tb is not None))
        return False
def returns_inside(r):
    with r:
        r.events.append("body")
        return "value"
r = Recorder()
print(returns_inside(r), r.events)
def raises_inside(r):
    with r:
        r.events.append("body")
        raise KeyError("inside")
r = Recorder()
try:
    raises_inside(r)
except KeyError:
    pass
print(r.events)
def loop_break(r):
    for i in range(5):
        with r:
            if i == 1:
                break
    return i
r = Recorder()
print(loop_break(r), len(r.events))
def with_finally(r):
    try:
        with r:
            raise ValueError("v")
    finally:
        r.events.append("finally")
r = Recorder()
try:
    with_finally(r)
except ValueError as e:
    print("ValueError:", e)
print(r.events)
def with_in_except(r):
    try:
        raise TypeError("t")
    except TypeError:
        with r:
            r.events.append("in handler")
    return r.events
print(with_in_except(Recorder()))
r = Recorder()
with r as same:
    print(same is r)
