def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_square(n):
    print("computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5))
print(sorted(slow_square.cache.items()))
def make_ops():
    ops = {}
    for name, sym in [("add", "+"), ("mul", "*")]:
        def op(a, b, sym=sym):
            return eval(f"{a} {sym} {b}", {})
        ops[name] = op
    return ops
ops = make_ops()
print(ops["add"](2, 3), ops["mul"](2, 3))
def pipeline(*stages):
    def run(value):
        for stage in stages:
            value = stage(value)
            print(" ->", value)
        return value
    return run
p = pipeline(lambda s: s.strip(), str.upper, lambda s: s + "!")
print(p("  hi  "))
def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def size():
        return len(items)
    return push, pop, size
push, pop, size = make_stack()
push(1); push(2); push(3)
print(pop(), size())
def once(fn):
    done = False
    result = None
    def wrapper():
        nonlocal done, result
        if not done:
            result, done = fn(), True
        return result
    return wrapper
init = once(lambda: print("init ran") or 42)
print(init(), init())
