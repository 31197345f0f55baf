# CPython checks keywords (unknown, repeated, positional-only) before the count of positional arguments.
def k1(a): return a
def p(a, /, b): return a
def p2(a, /, b, **kw): return kw
for call in ["k1(1, 2, bad=3)", "k1(1, 2, a=3)", "p(1, a=2, b=3)", "p(1, zz=2, a=3)", "p(1, 2, 3, zz=1)", "p2(1, a=2, b=3)", "k1()", "k1(1, 2)"]:
    try:
        print(call, eval(call))
    except TypeError as e:
        print(call, e)


def kw(a, *, b):
    return a, b


for call in ["kw(1, 2, b=3)", "kw(1, 2, c=3)", "kw(1)"]:
    try:
        print(call, eval(call))
    except TypeError as e:
        print(call, e)
