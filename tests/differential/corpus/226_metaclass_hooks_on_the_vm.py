# Classes made by ABCMeta (its __new__ and the hooks it reaches run on the VM):
# __init_subclass__ order and keywords, abstractness, __class__ cells.
import abc
import inspect
import typing
from dataclasses import dataclass

seen = []


class Registered(abc.ABC):
    registry = {}

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        seen.append((cls.__name__, tag, inspect.isabstract(cls), hasattr(cls, "__abstractmethods__")))
        cls.registry[cls.__name__] = cls

    @abc.abstractmethod
    def run(self): ...


class Half(Registered, tag="half"):
    pass


class Full(Half, tag="full"):
    def run(self):
        return super().__class__.__name__ + ":" + __class__.__name__


print(seen, sorted(Registered.registry), inspect.isabstract(Half), inspect.isabstract(Full))
print(Full().run())
try:
    Half()
except TypeError as e:
    print("TypeError", e)

