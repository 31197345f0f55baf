def inner():
    x = yield "inner-1"
    print("inner received", x)
    y = yield "inner-2"
    print("inner received", y)
    return f"inner result ({x}, {y})"
def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-after"
    return "outer result"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", range(2), {"k": 1}, (x * 2 for x in [5]))))
def delegating_throw():
    def sub():
        try:
            yield 1
            yield 2
        except KeyError:
            yield "sub handled KeyError"
    yield from sub()
    yield "after sub"
d = delegating_throw()
print(next(d), d.throw(KeyError("k")), next(d))
def returns_value():
    yield 1
    return 99
def collect():
    values = []
    v = yield from returns_value()
    values.append(v)
    v2 = yield from []
    values.append(v2)
    return values
c = collect()
print(next(c))
try:
    next(c)
except StopIteration as e:
    print("collected", e.value)
