# Audit a folder tree built from 1200 file paths: a recursive dataclass
# Node with children in a dict, sizes summed by recursion, a depth-first
# walk generator with yield from, a recursive pruner that asks for approval
# before removing big stale folders (a wait three calls deep inside the
# recursion), and a JSON dump of the top levels with default=.
import json
from dataclasses import dataclass, field


@dataclass
class Node:
    name: str
    size: int = 0
    children: dict = field(default_factory=dict)

    def insert(self, parts, size):
        if not parts:
            self.size += size
            return
        child = self.children.setdefault(parts[0], Node(parts[0]))
        child.insert(parts[1:], size)

    def total(self):
        return self.size + sum(c.total() for c in self.children.values())

    def walk(self, depth=0):
        yield depth, self
        for name in sorted(self.children):
            yield from self.children[name].walk(depth + 1)


def ask(path, node):
    verb = "Delete" if "old" in node.name else "Archive"
    return approval(f"{verb} stale folder {path} of {node.total()} bytes") == "approved"


def decide(path, node):
    return node.name.startswith("tmp") and node.total() > 10650 and ask(path, node)


def prune(node, path=""):
    removed = []
    for name in sorted(node.children):
        child = node.children[name]
        here = f"{path}/{name}"
        if decide(here, child):
            removed.append(here)
            del node.children[name]
        else:
            removed += prune(child, here)
    return removed


root = Node("")
for i in range(1200):
    top = ("home", "var", "srv")[i % 3]
    sub = ("tmp", "logs", "data", "tmp-old")[(i * 7) % 4]
    root.insert([top, f"{sub}{i % 5}", f"f{i}.dat"], (i * 131) % 997 + 10)
print("total:", root.total(), "nodes:", sum(1 for _ in root.walk()))
deepest = max(root.walk(), key=lambda dn: (dn[0], dn[1].size, dn[1].name))
print("deepest:", deepest[0], deepest[1].name, deepest[1].size)
print("removed:", prune(root))
print("after:", root.total(), [f"{'  ' * d}{n.name or '/'}" for d, n in root.walk() if d < 2])
print(
    json.dumps(
        root.children["var"],
        default=lambda n: {"n": n.name, "t": n.total(), "k": len(n.children)} if n.children else n.size,
        sort_keys=True,
    )[:150]
)
