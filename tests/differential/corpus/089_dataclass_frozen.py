from dataclasses import dataclass, FrozenInstanceError, replace, field
@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float
    def moved(self, dlat, dlon):
        return replace(self, lat=self.lat + dlat, lon=self.lon + dlon)
c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)))
try:
    c.lat = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del c.lon
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(c.moved(1, -1), c)
visited = {c, Coord(1.5, 2.5), Coord(0, 0)}
print(len(visited))
lookup = {Coord(0, 0): "origin"}
print(lookup[Coord(0, 0)])
@dataclass(frozen=True)
class Config:
    name: str
    options: tuple = ()
    extras: dict = field(default_factory=dict, hash=False, compare=False)
cfg = Config("prod", ("a", "b"))
print(cfg, isinstance(FrozenInstanceError(), AttributeError))
cfg.extras["mutable"] = "inside is fine"
print(cfg.extras)
@dataclass(frozen=True)
class Derived(Coord):
    alt: float = 0.0
d = Derived(1, 2, 3)
print(d, d.moved(1, 1))
@dataclass(frozen=True)
class WithPost:
    a: int
    b: int = 0
    def __post_init__(self):
        object.__setattr__(self, "b", self.a * 2)
print(WithPost(4))
