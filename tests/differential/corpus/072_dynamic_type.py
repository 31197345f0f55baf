def init(self, name):
    self.name = name
def greet(self):
    return f"hello from {self.name}"
Person = type("Person", (object,), {"__init__": init, "greet": greet, "kind": "human"})
p = Person("dyn")
print(p.greet(), Person.kind, Person.__name__, type(p).__name__)
Employee = type("Employee", (Person,), {"greet": lambda self: "employee " + Person.greet(self)})
print(Employee("e").greet(), issubclass(Employee, Person))
print(type(5).__name__, type("s") is str, type(type).__name__, type(Person).__name__)
Point = type("Point", (), {"__slots__": ("x", "y")})
pt = Point()
pt.x = 1
print(pt.x, hasattr(pt, "__dict__"))
def make_enum_like(names):
    return type("Consts", (), {n: i for i, n in enumerate(names)})
Consts = make_enum_like(["A", "B", "C"])
print(Consts.A, Consts.C)
fields = ["a", "b"]
def make_record(*fields):
    def __init__(self, *values):
        for f, v in zip(fields, values):
            setattr(self, f, v)
    def __repr__(self):
        return "Rec(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    return type("Rec", (), {"__init__": __init__, "__repr__": __repr__})
Rec = make_record("x", "y")
print(Rec(1, "two"), Rec(3, [4]))
import types
Cls = types.new_class("Made", (Person,), {}, lambda ns: ns.update({"extra": 42}))
print(Cls("m").greet(), Cls.extra)
print(isinstance(Cls("z"), Person), [k.__name__ for k in Cls.__mro__])
