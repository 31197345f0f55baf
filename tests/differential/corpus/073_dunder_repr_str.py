class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"OnlyRepr({self.v!r})"
b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b})
r = OnlyRepr("x")
print(r, str(r), [r, OnlyRepr(1)], f"{r}", f"{r!r}", "%s %r" % (r, r))
class Nested:
    def __init__(self, children):
        self.children = children
    def __repr__(self):
        return f"N{self.children!r}"
print(Nested([Nested([]), Nested([Nested([])])]))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Bytesy:
    def __bytes__(self):
        return b"bytes!"
print(bytes(Bytesy()))
class Fmt:
    def __format__(self, spec):
        return f"Fmt({spec})"
print(format(Fmt(), "xyz"), f"{Fmt():>5}", "{:abc}".format(Fmt()))
class Sub(str):
    def __str__(self):
        return "custom-str"
s = Sub("base")
print(s, str(s), s + "!", s.upper(), len(s))
class IntLike:
    def __index__(self):
        return 3
    def __int__(self):
        return 7
    def __float__(self):
        return 1.5
il = IntLike()
print([0, 1, 2, 3, 4][il], int(il), float(il), bin(il), hex(il), "ab" * il)
class BoolRepr:
    def __repr__(self):
        return "BR"
print(repr(None), str(True), repr([BoolRepr(), None]))
