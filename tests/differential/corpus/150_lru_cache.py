import functools
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
print(len(calls), sorted(set(calls)) == list(range(81)))
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
fib.cache_clear()
print(fib.cache_info().currsize)
@functools.lru_cache(maxsize=2)
def square(n):
    print("computing", n)
    return n * n
for n in [1, 2, 1, 3, 1, 2]:
    print("square", n, square(n))
print(square.cache_info())
@functools.cache
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)
print([partitions(n, n) for n in range(1, 15)])
@functools.lru_cache(maxsize=None)
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16))
@functools.lru_cache(maxsize=None, typed=True)
def typed_fn(x):
    print("typed call", repr(x))
    return x
typed_fn(1)
typed_fn(1.0)
typed_fn(1)
print(typed_fn.cache_info().currsize)
def edit_distance(a, b):
    @functools.lru_cache(maxsize=None)
    def d(i, j):
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
    return d(len(a), len(b))
print(edit_distance("kitten", "sitting"), edit_distance("flaw", "lawn"))
