class Box:
    def __class_getitem__(cls, item):
        print("class_getitem", cls.__name__, item if isinstance(item, tuple) else getattr(item, "__name__", item))
        return f"Box[{getattr(item, '__name__', item)}]"
    def __init__(self, value):
        self.value = value
print(Box[int])
print(Box["str-key"])
print(Box[int, str])
class Sub(Box):
    pass
print(Sub[float])
from typing import Generic, TypeVar, List, Dict, Optional
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, type(s).__name__)
alias = Stack[str]
print(alias.__origin__.__name__, alias.__args__[0].__name__)
print(list[int], dict[str, int], tuple[int, ...])
print(list[int]([1, 2]), list[int].__origin__ is list)
print(repr(Optional[int]), repr(Dict[str, List[int]]))
def annotated(x: int, y: "str" = "d") -> bool:
    return True
print(annotated.__annotations__["x"].__name__, annotated.__annotations__["y"], annotated.__annotations__["return"].__name__)
class Annotated:
    a: int
    b: str = "bee"
print(list(Annotated.__annotations__), Annotated.b, hasattr(Annotated, "a"))
