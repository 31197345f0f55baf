def worker():
    try:
        print("worker start")
        while True:
            yield "tick"
    except GeneratorExit:
        print("worker got GeneratorExit")
        raise
    finally:
        print("worker finally")
w = worker()
print(next(w), next(w))
w.close()
w.close()
print(next(w, "exhausted"))
worker().close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def return_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
rc = return_on_close()
next(rc)
print(rc.close())
def raise_on_close():
    try:
        yield 1
    finally:
        raise ValueError("error in cleanup")
rr = raise_on_close()
next(rr)
try:
    rr.close()
except ValueError as e:
    print("ValueError:", e)
def resource_user():
    with open_resource("r1"):
        yield "using"
class open_resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("acquire", self.name)
    def __exit__(self, *exc):
        print("release", self.name, exc[0].__name__ if exc[0] else None)
ru = resource_user()
print(next(ru))
ru.close()
