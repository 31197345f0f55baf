from abc import ABC, abstractmethod
from typing import Protocol, runtime_checkable
class Tool(ABC):
    name = "tool"
    @abstractmethod
    def run(self, payload):
        ...
    @property
    @abstractmethod
    def cost(self):
        ...
    def describe(self):
        return f"{self.name} (cost {self.cost})"
class Search(Tool):
    name = "search"
    def run(self, payload):
        return f"searching {payload}"
    @property
    def cost(self):
        return 2
class Partial(Tool):
    def run(self, payload):
        return payload
s = Search()
print(s.run("docs"), s.describe(), isinstance(s, Tool))
try:
    Partial()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Tool.__abstractmethods__), sorted(Partial.__abstractmethods__))
@runtime_checkable
class Closeable(Protocol):
    def close(self) -> None:
        ...
class File:
    def close(self):
        return "closed"
class Rock:
    pass
print(isinstance(File(), Closeable), isinstance(Rock(), Closeable))
def shutdown(things):
    return [t.close() for t in things if isinstance(t, Closeable)]
print(shutdown([File(), Rock(), File()]))
from collections.abc import Sequence
class Letters(Sequence):
    def __init__(self, text):
        self.text = text
    def __len__(self):
        return len(self.text)
    def __getitem__(self, i):
        return self.text[i]
letters = Letters("hello")
print(len(letters), letters[1], letters.index("l"), letters.count("l"), "e" in letters, list(reversed(letters)))
