def count_up(limit):
    print("generator started")
    n = 0
    while n < limit:
        yield n
        n += 1
    print("generator finished")
g = count_up(3)
print("created, not started")
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(count_up(4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def squares_of(items):
    for item in items:
        yield item * item
print(sum(squares_of(range(5))), max(squares_of([3, -4, 1])))
def with_state():
    seen = set()
    for word in ["a", "b", "a", "c", "b"]:
        if word not in seen:
            seen.add(word)
            yield word
print(list(with_state()))
def enumerate_gen(it, start=0):
    i = start
    for x in it:
        yield i, x
        i += 1
print(dict(enumerate_gen("xyz", 1)))
def empty():
    return
    yield
print(list(empty()))
gen = (x for x in [1])
print(next(gen), next(gen, "default"))
def multiple_yields():
    yield "first"
    yield "second"
    yield from ["third", "fourth"]
print(list(multiple_yields()))
def reuse():
    yield 1
r = reuse()
print(list(r), list(r))
