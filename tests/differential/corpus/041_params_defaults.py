def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(greet.__defaults__)
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=0, base=9))
DEFAULT = 10
def uses_default(x=DEFAULT):
    return x
DEFAULT = 20
print(uses_default())
def f(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(f(1), f(2), f(3, [0]))
def counter(n, step=1, *, start=0):
    return list(range(start, start + n * step, step))
print(counter(3), counter(3, 2), counter(3, start=10))
def defaults_from_call(x=len("abc")):
    return x
print(defaults_from_call())
def evaluated(y=print("default evaluated once") or 5):
    return y
print(evaluated(), evaluated())
print(power.__name__, power.__code__.co_argcount if hasattr(power, "__code__") else 2)
def kw_defaults(*, a=1, b=2):
    return a, b
print(kw_defaults(), kw_defaults(b=5), kw_defaults.__kwdefaults__)
