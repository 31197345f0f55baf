class Defaults(dict):
    def __missing__(self, key): return key.upper()
d = Defaults(a=1); print(d["a"], d["zz"], d.get("zz"))
class Temp:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        return f"{self.c * 9 / 5 + 32:{spec or '.1f'}}F"
print(f"{Temp(20)} {Temp(37):.3f}", format(Temp(0)), "{:.0f}".format(Temp(100)))
print(min([], default="none"), max("abc", key=ord), sorted([3, 1, 2], reverse=True))
class Base:
    @classmethod
    def make(cls): return cls.__name__
class Child(Base):
    @classmethod
    def make(cls): return "child of " + super().make()
print(Child.make())
import itertools
print([(k, list(g)) for k, g in itertools.groupby(sorted("banana"), key=lambda c: c in "aeiou")])
