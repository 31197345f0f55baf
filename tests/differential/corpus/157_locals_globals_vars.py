counter = 1
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
def locals_snapshot():
    x = 1
    snap = locals()
    y = 2
    return sorted(snap), sorted(locals())
print(locals_snapshot())
g = globals()
print(g["counter"], "show_locals" in g, g is globals())
g["injected"] = "via globals()"
print(injected)
def set_global(name, value):
    globals()[name] = value
set_global("dynamic_name", 123)
print(dynamic_name)
class Thing:
    cls_level = "c"
    def __init__(self):
        self.inst = "i"
t = Thing()
print(vars(t), vars(t) is t.__dict__)
print(sorted(k for k in vars(Thing) if not k.startswith("__")))
print(sorted(k for k in vars() if not k.startswith("__"))[:5])
print(locals() is globals())
def nested_locals():
    outer_var = "o"
    def inner():
        inner_var = "i"
        return sorted(locals())
    return inner()
print(nested_locals())
def closure_locals():
    captured = "cap"
    def inner():
        return captured, sorted(locals())
    return inner()
print(closure_locals())
class Body:
    a = 1
    b = a + 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(Body.names)
import types
mod_like = types.SimpleNamespace(alpha=1)
print(vars(mod_like))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
