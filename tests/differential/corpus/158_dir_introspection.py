class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.instance_attr = 3
    def child_method(self):
        pass
public = lambda names: [n for n in names if not n.startswith("_")]
print(public(dir(Child())))
print(public(dir(Child)))
print(public(dir(Base)))
def fn():
    a = 1
    b = 2
    return sorted(dir())
print(fn())
print("append" in dir([]), "keys" in dir({}), "upper" in dir(""))
import json
print(sorted(n for n in dir(json) if n in ("dumps", "loads", "JSONDecodeError")))
print(hasattr(Child(), "base_method"), hasattr(Child, "instance_attr"))
print(callable(getattr(Child(), "child_method")))
print(type(Child()).__name__, type(Child).__name__, Child.__bases__[0].__name__)
print(Child.__name__, Child.child_method.__name__, Child.child_method.__qualname__)
def documented(x: int) -> str:
    """Returns a string."""
    return str(x)
print(documented.__doc__, documented.__name__, sorted(documented.__annotations__))
print(documented.__defaults__, documented.__kwdefaults__)
print(Child.__doc__, Child.__module__ == __name__)
print(isinstance(documented, type(fn)), type(len).__name__)
import inspect
print(inspect.isclass(Child), inspect.isclass(documented), inspect.ismodule(json))
print(list(inspect.signature(documented).parameters))
def sig_demo(a, b=1, *args, c, d=2, **kw):
    pass
print(str(inspect.signature(sig_demo)))
print([p.kind.name for p in inspect.signature(sig_demo).parameters.values()])
print(inspect.getdoc(documented), inspect.getdoc(Base))
