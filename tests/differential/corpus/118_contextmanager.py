from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")
with tag("html") as t:
    with tag("body"):
        print("content", t)
@contextmanager
def handled(label):
    try:
        yield
    except ValueError as e:
        print(f"{label} handled:", e)
    finally:
        print(f"{label} cleanup")
with handled("first"):
    raise ValueError("oops")
print("after first")
try:
    with handled("second"):
        raise KeyError("not handled")
except KeyError as e:
    print("propagated:", e)
@contextmanager
def temp_value(obj, attr, value):
    old = getattr(obj, attr)
    setattr(obj, attr, value)
    try:
        yield obj
    finally:
        setattr(obj, attr, old)
class Settings:
    mode = "normal"
with temp_value(Settings, "mode", "debug"):
    print("inside:", Settings.mode)
print("outside:", Settings.mode)
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextmanager
def counted():
    counter = {"n": 0}
    yield counter
    print("final count", counter["n"])
with counted() as c:
    for _ in range(5):
        c["n"] += 1
