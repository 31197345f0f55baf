def gen():
    yield 1
    return "done-value"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def manual_iteration(iterable):
    it = iter(iterable)
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
print(manual_iteration(gen()), manual_iteration("abc"))
def no_return():
    yield 1
try:
    n = no_return()
    next(n)
    next(n)
except StopIteration as e:
    print("implicit return value:", e.value)
def leaky():
    yield 1
    next(iter([]))
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
def results():
    r = yield from gen()
    yield r
print(list(results()))
def early_return(n):
    for i in range(n):
        if i == 2:
            return f"stopped at {i}"
        yield i
er = early_return(5)
print(list(er))
def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        return "finally-return"
gr = gen_with_return_in_finally()
next(gr)
try:
    next(gr)
except StopIteration as e:
    print("finally return value:", e.value)
print(next(iter([]), "default for empty"), list(zip([], gen())))
