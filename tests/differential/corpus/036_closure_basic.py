def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
print(add5.__name__, add5.__qualname__)
def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x + "!"
        return inner
    return middle()()
print(outer())
def counter_pair():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    def get():
        return count[0]
    return inc, get
inc, get = counter_pair()
inc(); inc()
print(get())
def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())
def late_binding():
    value = "before"
    def read():
        return value
    value = "after"
    return read()
print(late_binding())
def param_cell(a):
    def f():
        return a * 2
    a += 1
    return f
print(param_cell(20)())
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
