# Identity tests, unpacking, negation, closures' cells, dict displays and
# keyword calls in hot loops; the failing forms of each as natively.
def kw(a, *, scale=1, shift=0):
    return a * scale + shift

def counter():
    n = 0
    def bump(k):
        nonlocal n
        n += k
        return n
    return bump

class Pt:
    def __init__(self, x):
        self.x = x
    def __neg__(self):
        return Pt(-self.x)
    def __bool__(self):
        return self.x > 0

out = []
bump = counter()
pairs = [(i, str(i)) for i in range(30)] + [[7, "seven"]]
for i, (a, b) in enumerate(pairs):
    same = a is i
    none = b is not None
    neg = -a
    flag = not a
    d = {"i": i, b: a, 3.5: None}
    out.append((same, none, neg, flag, len(d), kw(a, scale=2, shift=1), bump(1)))
print(out[:2], out[-1])
p = Pt(4)
print((-p).x, not p, not Pt(-1), [not Pt(k) for k in range(-2, 3)])
errors = []
for item in [(1, 2), [1, 2, 3], "ab", 5, (1,)]:
    try:
        x, y = item
        errors.append((x, y))
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
print(errors)
def late():
    def get():
        return value
    try:
        get()
    except NameError as e:
        print("NameError", e)
    value = 1
    return get()
print([late() for _ in range(3)])
print({Pt(1).x: 1, (1, 2): "t"}, -3.5, -True)
