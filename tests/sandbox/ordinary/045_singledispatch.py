from functools import singledispatch, singledispatchmethod
@singledispatch
def show(x): return f"obj {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list of {len(x)}"
print(show(1), show("a"), show([1, 2]))
class Fmt:
    @singledispatchmethod
    def f(self, x): return "other"
    @f.register
    def _(self, x: str): return "str " + x
print(Fmt().f("s"), Fmt().f(2.0))
