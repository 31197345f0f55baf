from dataclasses import dataclass, asdict, astuple, fields, replace
@dataclass
class Point:
    x: int
    y: int = 0
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm1(), Point(1))
print(p == Point(3, -4), p == Point(0, 0))
print(asdict(p), astuple(p), [f.name for f in fields(p)])
q = replace(p, y=10)
print(q, p)
@dataclass
class Line:
    start: Point
    end: Point
    label: str = "line"
ln = Line(Point(0, 0), Point(1, 1))
print(ln)
print(asdict(ln))
@dataclass(repr=False, eq=False)
class Plain:
    a: int
pl = Plain(1)
print(pl.a, pl == Plain(1), type(repr(pl)).__name__)
@dataclass
class WithClassVar:
    from typing import ClassVar
    count: ClassVar[int] = 0
    name: str = "n"
print(WithClassVar(), [f.name for f in fields(WithClassVar)])
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
print(Point.__match_args__, Point.__dataclass_params__.order)
