# A metaclass returning no class, a runtime-checkable Protocol and a dataclass
# made from an ABC (typing's metaclass on 3.11 is ABCMeta's), a hook's error.
import abc
import typing
from dataclasses import dataclass

seen = []


class Registered(abc.ABC):
    def __init_subclass__(cls, **kwargs):
        seen.append((cls.__name__, sorted(kwargs)))


class Odd(type):
    def __new__(mcls, name, bases, ns):
        return 42


class NotAClass(metaclass=Odd):
    pass


print(NotAClass)


@typing.runtime_checkable
class Sized(typing.Protocol):
    def size(self) -> int: ...


@dataclass
class Box(Registered):
    n: int

    def run(self):
        return self.n

    def size(self):
        return self.n


print(isinstance(Box(3), Sized), Box(3), Box(4).run(), seen[-1])


class Broken(abc.ABC):
    def __init_subclass__(cls):
        raise ValueError(f"no {cls.__name__}")


try:
    class Child2(Broken):
        pass
except ValueError as e:
    print("ValueError", e, type(e.__traceback__).__name__)

Made = type("Made", (Registered,), {"k": 1}, flavour="x") if False else type("Made", (Registered,), {"k": 1})
print(Made.__module__, Made.__qualname__, Made().k, seen[-1], type(Made).__name__)
