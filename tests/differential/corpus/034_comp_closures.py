funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 4)]
print([m(10) for m in make_multipliers()])
def late():
    fs = []
    for k in range(3):
        fs.append(lambda: k)
    return [f() for f in fs]
print(late())
def outer(factor):
    return [x * factor for x in range(4)]
print(outer(3))
def scale_all(values, factor):
    scaled = [(lambda v: v * factor)(v) for v in values]
    factor = 100
    return scaled, [v * factor for v in values]
print(scale_all([1, 2], 2))
gens = [(x + n for x in range(2)) for n in range(3)]
print([list(g) for g in gens])
class Config:
    base = 10
    values = [i for i in range(base, base + 3)]
    try:
        broken = [base * i for i in range(2) if base]
    except NameError as e:
        print("NameError:", e)
print(Config.values)
counter = 0
def bump():
    global counter
    counter += 1
    return counter
print([bump() for _ in range(3)], counter)
adders = {name: (lambda y, name=name: name * y) for name in ["a", "b"]}
print(adders["a"](3), adders["b"](2))
