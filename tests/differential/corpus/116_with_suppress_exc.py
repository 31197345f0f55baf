class Ignore:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught = exc
            print("suppressed", exc_type.__name__, exc)
            return True
        return False
with Ignore(KeyError) as ig:
    {}["missing"]
    print("not reached")
print("continuing, caught =", repr(ig.caught))
try:
    with Ignore(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated:", e)
def in_function():
    with Ignore(ZeroDivisionError):
        x = 1 / 0
        return "inside"
    return "after with"
print(in_function())
for i in range(4):
    with Ignore(ValueError):
        if i % 2:
            raise ValueError(i)
        print("loop body ok", i)
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *info):
        return "non-empty string is truthy"
with Truthy():
    raise RuntimeError("swallowed by truthy return")
print("after truthy")
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        raise KeyError(f"exit replaced {exc_type.__name__ if exc_type else None}")
try:
    with ExitRaises():
        raise ValueError("body error")
except KeyError as e:
    print("KeyError:", e, "| context:", repr(e.__context__))
