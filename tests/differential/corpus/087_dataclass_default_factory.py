from dataclasses import dataclass, field
import itertools
_ids = itertools.count(1)
@dataclass
class Task:
    title: str
    tags: list = field(default_factory=list)
    meta: dict = field(default_factory=lambda: {"priority": "normal"})
    id: int = field(default_factory=lambda: next(_ids))
    notes: str = field(default="", repr=False)
    internal: int = field(default=0, compare=False)
a = Task("write")
b = Task("test", ["qa"])
a.tags.append("doc")
print(a)
print(b)
print(a.tags is b.tags, a.meta is b.meta)
print(Task("x", id=5) == Task("x", id=5, internal=99))
@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    def add(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty
        return self
inv = Inventory().add("apple").add("pear", 3).add("apple", 2)
print(inv, Inventory())
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Computed:
    width: int
    height: int
    area: int = field(init=False)
    def __post_init__(self):
        self.area = self.width * self.height
print(Computed(3, 4))
@dataclass
class KwOnly:
    a: int
    b: int = field(default=2, kw_only=True)
print(KwOnly(1), KwOnly(1, b=5))
