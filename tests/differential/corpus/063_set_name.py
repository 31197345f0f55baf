class Field:
    def __init__(self, default=None):
        self.default = default
    def __set_name__(self, owner, name):
        print(f"__set_name__ {owner.__name__}.{name}")
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        print(f"set {self.name} = {value!r}")
        setattr(obj, self.private, value)
class Person:
    name = Field("anonymous")
    age = Field(0)
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
p = Person(name="Ann")
print(p.name, p.age, sorted(vars(p)))
p.age = 31
print(p.age, Person.name.name, Person.age.private)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return obj.__dict__.get(self.name) if obj else self
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__[self.name] = value
class Order:
    qty = Typed(int)
    sku = Typed(str)
o = Order()
o.qty = 3
o.sku = "X1"
print(o.qty, o.sku)
try:
    o.qty = "three"
except TypeError as e:
    print("TypeError:", e)
f = Field()
class Late:
    pass
Late.attr = f
print(hasattr(f, "name"))
