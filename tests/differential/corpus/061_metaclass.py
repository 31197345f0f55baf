class Registry(type):
    classes = []
    def __new__(mcls, name, bases, namespace, **kwargs):
        print("Registry.__new__", name, sorted(k for k in namespace if not k.startswith("__")))
        cls = super().__new__(mcls, name, bases, namespace)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, namespace, **kwargs):
        super().__init__(name, bases, namespace)
        cls.label = name.upper()
class Base(metaclass=Registry):
    x = 1
class Derived(Base):
    def method(self):
        return "m"
print(Registry.classes, Base.label, Derived.label, type(Derived).__name__)
class Upper(type):
    def __new__(mcls, name, bases, ns):
        new_ns = {(k.upper() if not k.startswith("__") else k): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, new_ns)
class Shout(metaclass=Upper):
    greeting = "hi"
    def talk(self):
        return "talking"
print(Shout.GREETING, Shout().TALK(), hasattr(Shout, "greeting"))
class Counted(type):
    def __call__(cls, *args, **kwargs):
        cls.instances = getattr(cls, "instances", 0) + 1
        print("creating instance", cls.instances, "of", cls.__name__)
        return super().__call__(*args, **kwargs)
class Thing(metaclass=Counted):
    def __init__(self, v):
        self.v = v
t1, t2 = Thing(1), Thing(2)
print(t1.v, t2.v, Thing.instances)
class WithKw(type):
    def __new__(mcls, name, bases, ns, flag=False):
        cls = super().__new__(mcls, name, bases, ns)
        cls.flag = flag
        return cls
class Flagged(metaclass=WithKw, flag=True):
    pass
print(Flagged.flag, isinstance(Flagged, WithKw), isinstance(Flagged, type))
Dynamic = Registry("Dynamic", (Base,), {"y": 2})
print(Dynamic.y, Dynamic.x, Dynamic.label, Registry.classes[-1])
