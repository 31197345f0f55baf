# Plan delivery routes on a grid: a NamedTuple Point with operator methods
# (__add__, __sub__, __neg__, __truediv__, __abs__) and divmod grid cells,
# a Route NamedTuple with a length property over 25 stops, 40 routes
# measured in hot loops, sorted by a lambda key over the property, then by
# a lambda key that asks the model, and a _replace/_asdict round trip.
import math
from collections import Counter
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def __neg__(self):
        return Point(-self.x, -self.y)

    def __truediv__(self, k):
        return Point(self.x / k, self.y / k)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def cell(self, size):
        return divmod(int(self.x), size)[0], divmod(int(self.y), size)[0]


class Route(NamedTuple):
    name: str
    stops: tuple
    depot: Point = Point(0, 0)

    @property
    def length(self):
        total, here = 0.0, self.depot
        for p in self.stops:
            total += abs(p - here)
            here = p
        return total + abs(self.depot - here)

    def centroid(self):
        s = Point(0, 0)
        for p in self.stops:
            s = s + p
        return s / len(self.stops)


routes = [
    Route(f"R{r:02d}", tuple(Point((r * 17 + s * 29) % 100, (r * 31 + s * s * 7) % 80) for s in range(25)))
    for r in range(40)
]
cells = Counter(p.cell(25) for route in routes for p in route.stops)
print("busiest cells:", cells.most_common(3), "total km:", round(sum(r.length for r in routes), 2))
longest = sorted(routes, key=lambda r: r.length, reverse=True)[:4]
print([(r.name, f"{r.length:.1f}", tuple(round(c, 1) for c in r.centroid())) for r in longest])
ranked = sorted(longest, key=lambda r: (llm(f"Classify: delivery route {r.name} of {r.length:.0f} km"), r.name))
print("ranked:", [r.name for r in ranked])
moved = ranked[0]._replace(depot=-Point(5, 5))
print(moved.depot, round(moved.length - ranked[0].length, 3), sorted(moved._asdict())[:2], Point._fields)
verdict = approval(f"Move depot of {moved.name} to {tuple(moved.depot)}")
print(verdict, Point(3, 4) + Point(1, 1), abs(Point(3, 4)), Point(9, 3) / 3)
