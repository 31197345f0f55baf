from functools import reduce
nums = list(range(1, 11))
print(list(map(lambda x: x ** 2, nums)))
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(list(map(str.upper, ["a", "b"])), list(map(len, ["aa", "b", ""])))
print(list(filter(lambda x: x % 3 == 0, nums)), list(filter(None, [0, 1, "", "a", None])))
print(reduce(lambda acc, x: acc + x, nums), reduce(lambda a, b: a * b, nums, 1))
print(reduce(lambda acc, w: acc + [w.upper()], ["x", "y"], []))
print(reduce(lambda a, b: a if a > b else b, [3, 9, 2, 7]))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
def compose(*funcs):
    return reduce(lambda f, g: lambda x: g(f(x)), funcs, lambda x: x)
pipeline = compose(lambda x: x + 1, lambda x: x * 2, str)
print(pipeline(4), repr(pipeline(0)))
def counter_fn():
    count = 0
    def inc(x):
        nonlocal count
        count += 1
        return x * count
    return inc
inc = counter_fn()
print(list(map(inc, [10, 10, 10])))
words = "the quick brown fox jumps over the lazy dog".split()
lengths = dict(zip(words, map(len, words)))
print(lengths)
print(reduce(lambda d, w: {**d, w[0]: d.get(w[0], 0) + 1}, words, {}))
print(sum(map(int, "12345")), max(map(abs, [-7, 3, -2])))
evens_squared = list(map(lambda x: x * x, filter(lambda x: x % 2 == 0, nums)))
print(evens_squared)
class Doubler:
    def __call__(self, v):
        return v * 2
print(list(map(Doubler(), "ab")), list(filter(Doubler(), [0, 1])))
print(list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20], [100, 200, 300])))
