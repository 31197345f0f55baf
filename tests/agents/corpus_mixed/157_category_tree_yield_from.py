# Walk a product category tree with recursive generators: `yield from` the
# children, collect subtree sizes from the generators' return values, and
# ask the model to label every fourth leaf from inside the generator body.
import json

tree = {"name": "root", "kids": []}
for a in range(4):
    branch = {"name": f"dept{a}", "kids": []}
    for b in range(3 + a % 2):
        shelf = {"name": f"dept{a}/shelf{b}", "kids": []}
        for c in range(5):
            shelf["kids"].append({"name": f"dept{a}/shelf{b}/item{c}", "kids": []})
        branch["kids"].append(shelf)
    tree["kids"].append(branch)

leaf_count = [0]


def walk(node, depth):
    if not node["kids"]:
        leaf_count[0] += 1
        label = llm(f"Classify: product {node['name']}") if leaf_count[0] % 4 == 0 else None
        yield depth, node["name"], label
        return 1
    size = 0
    for kid in node["kids"]:
        size += yield from walk(kid, depth + 1)
    yield depth, node["name"], f"size={size}"
    return size


def sizes(node):
    total = yield from walk(node, 0)
    yield -1, "total", total


rows = list(sizes(tree))
print("rows:", len(rows), rows[-1])
labelled = [(name.rsplit("/", 1)[-1], label) for depth, name, label in rows if depth == 3 and label]
print("labelled:", labelled)
depths = {}
for depth, _, _ in sizes(tree["kids"][1]):
    depths[depth] = depths.get(depth, 0) + 1
print(json.dumps(depths, sort_keys=True))
print("shelf sizes:", sum(1 for d, _, lab in walk(tree["kids"][2], 1) if d == 2 and lab.startswith("size")))
