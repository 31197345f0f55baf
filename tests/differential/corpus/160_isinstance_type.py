values = [1, 1.0, True, "s", b"b", None, [1], (1,), {1: 2}, {1}, 1j, range(2), len]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (str, bytes)))
print(isinstance(True, int), type(True) is int, issubclass(bool, int))
print(issubclass(int, (str, object)), issubclass(KeyError, LookupError), issubclass(type, object))
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, B)), type(b) is A, type(b) is B, type(b) == B)
print(issubclass(B, A), issubclass(A, B), issubclass(B, B))
import collections.abc as cabc
print(isinstance([], cabc.Iterable), isinstance(5, cabc.Iterable), isinstance({}, cabc.MutableMapping))
print(isinstance((x for x in []), cabc.Generator), isinstance(len, cabc.Callable))
class WithIter:
    def __iter__(self):
        return iter([])
print(isinstance(WithIter(), cabc.Iterable), issubclass(WithIter, cabc.Sized))
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Square(3).area(), isinstance(Square(1), Shape))
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Registered:
    pass
Shape.register(Registered)
print(isinstance(Registered(), Shape), issubclass(Registered, Shape))
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, str)
class StrLike(metaclass=Meta):
    pass
print(isinstance("text", StrLike), isinstance(1, StrLike))
print(type(type(1)) is type, type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
