from dataclasses import dataclass, field, InitVar, fields
@dataclass
class Base:
    id: int
    name: str = "base"
    def describe(self):
        return f"{type(self).__name__}#{self.id}:{self.name}"
@dataclass
class Child(Base):
    extra: list = field(default_factory=list)
    name: str = "child"
c = Child(7)
print(c, c.describe(), [f.name for f in fields(Child)])
@dataclass
class Account:
    owner: str
    deposit: InitVar[int] = 0
    balance: int = field(init=False, default=0)
    history: list = field(init=False, default_factory=list)
    def __post_init__(self, deposit):
        print("post_init", self.owner, deposit)
        if deposit:
            self.balance += deposit
            self.history.append(("deposit", deposit))
acc = Account("ann", 50)
print(acc, Account("bob"))
@dataclass
class Validated:
    email: str
    def __post_init__(self):
        if "@" not in self.email:
            raise ValueError(f"invalid email: {self.email!r}")
print(Validated("a@b.c"))
try:
    Validated("nope")
except ValueError as e:
    print("ValueError:", e)
@dataclass
class WithMethodsAndSuper(Base):
    level: int = 1
    def describe(self):
        return super().describe() + f" L{self.level}"
print(WithMethodsAndSuper(1, "x", 3).describe())
@dataclass(eq=True)
class Node:
    value: int
    children: list = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(tree == Node(1, [Node(2), Node(3, [Node(4)])]))
