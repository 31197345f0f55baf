import copy
original = {"list": [1, [2, 3]], "tuple": (4, [5]), "str": "s"}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["list"][1].append("mutated")
original["tuple"][1].append("mutated")
print(shallow["list"], deep["list"])
print(shallow["tuple"], deep["tuple"])
class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __repr__(self):
        return f"Node({self.value}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
clone = copy.deepcopy(tree)
clone.children[1].children[0].value = 40
print(tree)
print(clone)
class Tracked:
    def __init__(self, data):
        self.data = data
    def __copy__(self):
        print("custom __copy__")
        return Tracked(self.data)
    def __deepcopy__(self, memo):
        print("custom __deepcopy__")
        return Tracked(copy.deepcopy(self.data, memo))
t = Tracked([1, 2])
c1 = copy.copy(t)
c2 = copy.deepcopy(t)
t.data.append(3)
print(c1.data, c2.data)
cyclic = [1]
cyclic.append(cyclic)
cc = copy.deepcopy(cyclic)
print(cc[1] is cc, cc[0], len(cc))
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
print(copy.copy(5), copy.deepcopy("immutable"), copy.copy((1, 2)))
from dataclasses import dataclass, field, replace
@dataclass
class Settings:
    name: str
    tags: list = field(default_factory=list)
s1 = Settings("a", ["x"])
s2 = copy.deepcopy(s1)
s2.tags.append("y")
print(s1, s2, replace(s1, name="b"))
