square = lambda x: x * x
print(square(7), square.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, k))(1, 2, x=3))
print((lambda: "no args")())
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(sym, ops[sym](6, 3))
curried = lambda a: lambda b: lambda c: a + b + c
print(curried(1)(2)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
kw_lambda = lambda *, key="default": key
print(kw_lambda(), kw_lambda(key="given"))
cond = lambda x: "big" if x > 10 else ("mid" if x > 5 else "small")
print([cond(v) for v in (1, 7, 20)])
print((lambda x: (yield x))(5).__next__() if False else "skip gen lambda")
gen_lambda = lambda: (yield 1)
print(list(gen_lambda()))
print([(lambda n=n: n * 10)() for n in range(3)])
print(max(["aa", "b", "cccc"], key=lambda s: -len(s)))
