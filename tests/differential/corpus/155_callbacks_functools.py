import functools
def power(base, exponent):
    return base ** exponent
square = functools.partial(power, exponent=2)
cube = functools.partial(power, exponent=3)
print(square(5), cube(2), square.keywords, square.func is power)
two_to = functools.partial(power, 2)
print([two_to(n) for n in range(6)])
nested_partial = functools.partial(functools.partial(print, "prefix"), sep="|")
nested_partial("a", "b")
class Sorter:
    @functools.singledispatchmethod
    def describe(self, arg):
        return f"object {arg!r}"
    @describe.register
    def _(self, arg: int):
        return f"int {arg}"
    @describe.register
    def _(self, arg: list):
        return f"list of {len(arg)}"
s = Sorter()
print(s.describe(3), s.describe([1, 2]), s.describe("x"))
@functools.singledispatch
def to_text(value):
    return f"generic:{value}"
@to_text.register(float)
def _(value):
    return f"float:{value:.1f}"
@to_text.register
def _(value: dict):
    return "dict:" + ",".join(sorted(value))
print(to_text(1), to_text(2.25), to_text({"b": 1, "a": 2}), to_text(True))
class Cart:
    def __init__(self):
        self.items = []
    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self.items)
c = Cart()
c.items.extend([3, 4])
print(c.total, c.total)
def cmp_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=functools.cmp_to_key(cmp_len_then_alpha)))
print(functools.reduce(lambda acc, f: f(acc), [str.strip, str.title, lambda t: t + "!"], "  hello world "))
