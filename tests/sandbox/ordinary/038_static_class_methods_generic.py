from typing import Generic, TypeVar, Protocol

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self):
        self._items: list[T] = []
    def push(self, item: T) -> "Stack[T]":
        self._items.append(item)
        return self
    def pop(self) -> T:
        return self._items.pop()
    @classmethod
    def of(cls, *items):
        s = cls()
        for i in items:
            s.push(i)
        return s
    @staticmethod
    def describe():
        return "a LIFO stack"

class Sized(Protocol):
    def __len__(self) -> int: ...

def total(items: list[Sized]) -> int:
    return sum(len(i) for i in items)

s = Stack[int].of(1, 2, 3)
print(s.pop(), s.pop(), Stack.describe(), total(["ab", [1, 2, 3]]))
