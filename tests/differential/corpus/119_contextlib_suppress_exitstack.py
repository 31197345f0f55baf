from contextlib import suppress, ExitStack, nullcontext, closing, redirect_stdout
import io
with suppress(KeyError, IndexError):
    [][5]
print("suppressed IndexError")
with suppress(ZeroDivisionError):
    print("before")
    1 / 0
    print("never")
try:
    with suppress(KeyError):
        raise ValueError("not in list")
except ValueError as e:
    print("ValueError:", e)
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, *exc):
        print("close", self.name)
with ExitStack() as stack:
    resources = [stack.enter_context(Res(n)) for n in "abc"]
    stack.callback(print, "callback registered last runs first")
    print("using", [r.name for r in resources])
with ExitStack() as stack:
    stack.enter_context(Res("kept"))
    moved = stack.pop_all()
print("stack exited, moved still open")
moved.close()
with nullcontext("value") as v:
    print("nullcontext gave", v)
class Closable:
    def close(self):
        print("closed via closing()")
with closing(Closable()):
    print("inside closing")
buf = io.StringIO()
with redirect_stdout(buf):
    import sys
    sys.stdout.write("to buffer\n")
print("captured:", repr(buf.getvalue()))
def cleanup_order():
    with ExitStack() as stack:
        for i in range(3):
            stack.callback(lambda i=i: print("cleanup", i))
        raise RuntimeError("during stack")
try:
    cleanup_order()
except RuntimeError as e:
    print("RuntimeError:", e)
