class Obj:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
        self.b = [2]
o = Obj()
print(o.__dict__)
o.__dict__["c"] = 3
print(o.c, sorted(vars(o)))
vars(o)["d"] = 4
print(o.d)
del o.__dict__["a"]
print(hasattr(o, "a"))
o.__dict__.update(x=10, y=20)
print(o.x + o.y)
print("cls_attr" in o.__dict__, "cls_attr" in Obj.__dict__)
print(sorted(k for k in Obj.__dict__ if not k.startswith("__")))
class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)
    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"Record({inner})"
r = Record(name="x", size=3)
print(r, r.name)
r.size += 1
print(r)
class Namespace:
    pass
ns = Namespace()
for key, value in [("alpha", 1), ("beta", 2)]:
    setattr(ns, key, value)
print(vars(ns), getattr(ns, "alpha"))
import types
simple = types.SimpleNamespace(a=1, b="two")
simple.c = [3]
print(simple, vars(simple))
print(types.SimpleNamespace(x=1) == types.SimpleNamespace(x=1))
def func():
    pass
func.attribute = "function attr"
print(func.attribute, func.__dict__)
print(type(Obj.__dict__).__name__, Obj.__dict__["cls_attr"])
