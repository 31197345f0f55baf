# Calls between hot script functions run nested in tier 1: returns, errors
# through several levels, recursion past the nesting depth, __init__ results.
def leaf(x):
    if x % 7 == 6:
        raise ValueError(f"bad {x}")
    return x * 2

def middle(x):
    return leaf(x) + 1

def top(values):
    out = []
    for v in values:
        try:
            out.append(middle(v))
        except ValueError as e:
            out.append(str(e))
    return out

print(top(range(20)))

def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1

print([depth(k) for k in (0, 5, 39, 40, 41, 80, 150)])

def countdown(n):
    if n == 0:
        raise RecursionError("bottom")
    return countdown(n - 1)

for n in (3, 45, 90):
    try:
        countdown(n)
    except RecursionError as e:
        print("caught", n, e)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

class Bad:
    def __init__(self, v):
        self.v = v
        return v

points = [Point(i, -i) for i in range(30)]
print(sum(p.norm1() for p in points), points[-1].x)
for i in range(25):
    try:
        Bad(i)
    except TypeError as e:
        last = str(e)
print(last)

def kw(a, b=2, *, c=3):
    return a + b + c

print([kw(i) + kw(i, 1) + kw(i, c=0) for i in range(20)][-3:])
method = points[3].norm1
print(sum(method() for _ in range(30)))
