class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        print(f"call #{self.calls} of {self.fn.__name__}")
        return self.fn(*args, **kwargs)
@CountCalls
def greet(name):
    return f"hello {name}"
print(greet("a"), greet("b"), greet.calls)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
class Bindable:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.fn(obj, *a)
class Widget:
    def __init__(self, name):
        self.name = name
    @Bindable
    def describe(self, prefix):
        return f"{prefix}: {self.name}"
print(Widget("w1").describe("widget"))
print(isinstance(Widget.describe, Bindable))
class Validate:
    def __init__(self, *types):
        self.types = types
    def __call__(self, fn):
        def wrapper(*args):
            for arg, typ in zip(args, self.types):
                if not isinstance(arg, typ):
                    raise TypeError(f"{arg!r} is not {typ.__name__}")
            return fn(*args)
        return wrapper
@Validate(int, str)
def label(n, s):
    return s * n
print(label(2, "ab"))
try:
    label("2", "ab")
except TypeError as e:
    print("TypeError:", e)
