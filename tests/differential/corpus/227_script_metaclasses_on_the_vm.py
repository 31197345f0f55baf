# Classes made by script metaclasses (their __new__, __init__ and the hooks
# they reach run on the VM): __prepare__, __set_name__, keywords, a metaclass
# returning no class, a dataclass ABC, a hook's error.
import abc

seen = []


class Registered(abc.ABC):
    def __init_subclass__(cls, **kwargs):
        seen.append((cls.__name__, sorted(kwargs)))


class Field:
    def __set_name__(self, owner, name):
        seen.append(("set_name", owner.__name__, name))
        self.name = name


class Meta(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kwargs):
        ns["made_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns, **kwargs)
        cls.order = len(seen)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.initialised = name.lower()

    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        return {"prepared": True}


class Base(metaclass=Meta):
    x = Field()

    def __init_subclass__(cls, **kwargs):
        seen.append(("sub", cls.__name__, sorted(kwargs)))


class Child(Base, flavour="mint"):
    y = Field()


print(Child.made_by, Child.order, Child.initialised, Child.prepared, type(Child).__name__, seen[-3:])
Base.register(int)
print(isinstance(3, Base), issubclass(bool, Base), Child.__mro__[1].__name__)

