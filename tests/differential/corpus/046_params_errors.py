def f(a, b):
    return a + b
class C:
    def method(self, x):
        return x
    @staticmethod
    def smeth(y):
        return y
    @classmethod
    def cmeth(cls, z):
        return z
def kw(*, k):
    return k
calls = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, a=1),
    lambda: f(c=3, a=1, b=2),
    lambda: C().method(),
    lambda: C().method(1, 2),
    lambda: C.smeth(),
    lambda: C.cmeth(1, 2),
    lambda: kw(1),
    lambda: kw(),
    lambda: (lambda x: x)(),
    lambda: C.method(1),
]
for i, call in enumerate(calls):
    try:
        call()
    except TypeError as e:
        print(i, "TypeError:", e)
def g(x, y=1, *, z):
    pass
try:
    g()
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3, z=1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, z=3, w=4)
except TypeError as e:
    print("TypeError:", e)
def nested():
    def inner(p, q):
        pass
    inner(1)
try:
    nested()
except TypeError as e:
    print("TypeError:", e)
try:
    len(1, 2)
except TypeError as e:
    print("TypeError:", e)
