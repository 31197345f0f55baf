def trace(func):
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result!r}")
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
add(2, 3)
fact(4)
print(add.__name__)
def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco
handlers = {}
@register(handlers)
def on_start():
    return "started"
@register(handlers)
def on_stop():
    return "stopped"
print(sorted(handlers), handlers["on_stop"]())
def double_result(fn):
    return lambda *a: fn(*a) * 2
class Math:
    @double_result
    def triple(self, x):
        return 3 * x
print(Math().triple(5))
def returns_none(fn):
    print("decorating", fn.__name__)
result = None
@returns_none
def vanished():
    pass
print(vanished)
