# Methods, __init__ (and one returning a value), keyword calls and bound
# methods called from hot loops: nested in tier 1, or tier 0's where it must.
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
