import dataclasses, json
@dataclasses.dataclass
class Inner: v: int
@dataclasses.dataclass
class Outer:
    name: str
    inner: Inner
    many: list
o = Outer("x", Inner(1), [Inner(2), Inner(3)])
print(dataclasses.astuple(o), json.dumps(dataclasses.asdict(o)))
print(dataclasses.is_dataclass(o), o == Outer("x", Inner(1), [Inner(2), Inner(3)]))
N = dataclasses.make_dataclass("N", [("a", int), ("b", str, dataclasses.field(default="q"))])
print(N(1), repr(N(2, "z")))
