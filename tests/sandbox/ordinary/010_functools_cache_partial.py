from functools import lru_cache, partial, reduce, wraps, total_ordering

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), fib.cache_info().hits > 0)
power = partial(pow, 2)
print(power(10), reduce(lambda a, b: a * b, range(1, 8)))

def logged(fn):
    @wraps(fn)
    def inner(*args):
        print("call", fn.__name__, args)
        return fn(*args)
    return inner

@logged
def add(a, b):
    return a + b
print(add(2, 3), add.__name__)

@total_ordering
class Version:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(Version(2) >= Version(1), Version(1) > Version(3))
