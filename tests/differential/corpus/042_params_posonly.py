def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5, f=7))
print(f(1, 2, 3, 40, e=50))
try:
    f(a=1, b=2, c=3, e=5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
def g(x, /, **kwargs):
    return x, kwargs
print(g(1, x=2))
def h(a, b=2, /):
    return a * b
print(h(5), h(5, 3))
def only_pos(x, y, /):
    return x - y
print(only_pos(10, 3))
try:
    only_pos(10, y=3)
except TypeError as e:
    print("TypeError:", e)
try:
    only_pos(1)
except TypeError as e:
    print("TypeError:", e)
class K:
    def m(self, v, /, *, scale=1):
        return v * scale
print(K().m(4), K().m(4, scale=3))
try:
    K().m(v=4)
except TypeError as e:
    print("TypeError:", e)
lam = lambda p, /, q: (p, q)
print(lam(1, 2), lam(1, q=3))
