class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)

class Plugin:
    kinds = []
    def __init_subclass__(cls, kind="plain", **kw):
        super().__init_subclass__(**kw)
        Plugin.kinds.append((cls.__name__, kind))

class Order(Plugin, kind="billing"):
    qty = Positive()
    def __init__(self, qty):
        self.qty = qty

class Box(Plugin):
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__}]"

o = Order(3)
print(o.qty, Plugin.kinds, Box[int])
try:
    o.qty = 0
except ValueError as e:
    print(e)
