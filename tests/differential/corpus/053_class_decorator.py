def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), [Point(0, "a")])
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
@add_repr
class User:
    def __init__(self, name):
        self.name = name
print(registry, User("ann"))
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, value):
        print("Config created with", value)
        self.value = value
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.value)
def with_counter(cls):
    original_init = cls.__init__
    cls.count = 0
    def __init__(self, *args, **kwargs):
        cls.count += 1
        original_init(self, *args, **kwargs)
    cls.__init__ = __init__
    return cls
@with_counter
class Item:
    def __init__(self, label):
        self.label = label
items = [Item(x) for x in "abc"]
print(Item.count, [i.label for i in items])
