import functools


def register(cls):
    cls.registered = True
    return cls


@register
class Point:
    __slots__ = ("x", "y")

    def __new__(cls, x, y=0):
        self = super().__new__(cls)
        self.x = x
        return self

    def __init__(self, x, y=0):
        self.y = y

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def parse(text):
        a, b = text.split(",")
        return Point(int(a), int(b))

    @functools.cached_property
    def never(self):
        return 1


class Config:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __getattr__(self, name):
        return missing[name]  # would fail if called during load


missing = {"mode": "dry"}
pt = Point.parse("3,4")
cfg = Config(level=2)
effect(wait(pt.norm))
print(pt.x, pt.y, pt.norm, Point.origin().norm, Point.registered, cfg.level, cfg.mode)
