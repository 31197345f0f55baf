import json
from functools import lru_cache

tree = {"name": "root", "children": [
    {"name": "a", "children": [{"name": "a1", "children": []}, {"name": "a2", "children": []}]},
    {"name": "b", "children": [{"name": "b1", "children": [{"name": "b11", "children": []}]}]},
]}

def walk(node, depth=0):
    yield depth, node["name"]
    for child in node["children"]:
        yield from walk(child, depth + 1)

for depth, name in walk(tree):
    print("  " * depth + name)

def height(node):
    return 1 + max((height(c) for c in node["children"]), default=0)

@lru_cache(maxsize=None)
def paths(n, k):
    return 1 if n == 0 or k == 0 else paths(n - 1, k) + paths(n, k - 1)

print(height(tree), paths(10, 10), len(json.dumps(tree)))
