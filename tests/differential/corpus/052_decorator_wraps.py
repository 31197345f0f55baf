import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        print("calling", fn.__qualname__)
        return fn(*args, **kwargs)
    return wrapper
@logged
def compute(x, y=2):
    """Multiply two numbers."""
    return x * y
print(compute(4), compute.__name__, compute.__doc__, compute.__qualname__)
print(compute.__wrapped__(5), compute.__wrapped__.__name__)
class Shape:
    @logged
    def area(self):
        """Area of the shape."""
        return 0
print(Shape.area.__qualname__, Shape.area.__doc__, Shape().area())
def counted(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counted
def noop():
    pass
for _ in range(3):
    noop()
print(noop.calls, noop.__name__)
def bare(fn):
    def inner(*a):
        return fn(*a)
    return inner
@bare
def named():
    pass
print(named.__name__, named.__qualname__)
@functools.lru_cache(maxsize=None)
@logged
def cached(n):
    return n * 10
print(cached(1), cached(1), cached(2), cached.cache_info().hits)
partial_greet = functools.partial(lambda greeting, name: f"{greeting} {name}", "Hey")
print(partial_greet("Zed"), partial_greet.args)
