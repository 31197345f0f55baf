from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
def describe(shape):
    match shape:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(0, 0), r):
            return f"circle at origin r={r}"
        case Circle(center=c, radius=r) if r > 10:
            return f"big circle at ({c.x},{c.y})"
        case Circle(_, r):
            return f"circle r={r}"
        case Rect(w=w, h=h) if w == h:
            return f"square {w}"
        case Rect(w=w):
            return f"rect width {w}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case [Point(x=x1), Point(x=x2)]:
            return f"two points x={x1},{x2}"
    return "unknown"
shapes = [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 9), Circle(Point(0, 0), 4),
          Circle(Point(1, 1), 20), Circle(Point(5, 5), 2), Rect(3, 3), Rect(2, 5), 7, 2.5, "s",
          [Point(1, 2), Point(3, 4)], None]
for s in shapes:
    print(describe(s))
try:
    match Rect(1, 2):
        case Rect(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
match True:
    case bool(b):
        print("bool self match", b)
