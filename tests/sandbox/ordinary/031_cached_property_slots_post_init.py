from dataclasses import dataclass, field
from functools import cached_property

@dataclass
class Report:
    rows: list
    title: str = "report"
    total: int = field(init=False)

    def __post_init__(self):
        self.total = sum(self.rows)

    @cached_property
    def average(self):
        print("computing average")
        return self.total / len(self.rows)

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

r = Report([3, 4, 8])
print(r.total, r.average, r.average)
p = Point(1, 2)
try:
    p.z = 3
except AttributeError:
    print("no z on a slotted point")
print(p.x + p.y, Point.__slots__)
