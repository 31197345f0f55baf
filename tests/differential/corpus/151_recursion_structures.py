tree = {
    "name": "root",
    "children": [
        {"name": "a", "children": [{"name": "a1", "children": []}, {"name": "a2", "children": []}]},
        {"name": "b", "children": [{"name": "b1", "children": [{"name": "b1x", "children": []}]}]},
    ],
}
def walk(node, depth=0):
    print("  " * depth + node["name"])
    for child in node["children"]:
        walk(child, depth + 1)
walk(tree)
def count(node):
    return 1 + sum(count(c) for c in node["children"])
def leaves(node):
    if not node["children"]:
        return [node["name"]]
    return [leaf for c in node["children"] for leaf in leaves(c)]
print(count(tree), leaves(tree))
def find_path(node, target, path=()):
    path = path + (node["name"],)
    if node["name"] == target:
        return path
    for c in node["children"]:
        found = find_path(c, target, path)
        if found:
            return found
    return None
print(find_path(tree, "b1x"), find_path(tree, "zzz"))
def flatten_dict(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(flatten_dict(v, key))
        else:
            out[key] = v
    return out
print(flatten_dict({"a": 1, "b": {"c": 2, "d": {"e": 3}}, "f": [4]}))
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    merged = []
    while left and right:
        merged.append(left.pop(0) if left[0] <= right[0] else right.pop(0))
    return merged + left + right
print(merge_sort([5, 2, 9, 1, 5, 6, 3, 8, 7, 4]))
def quicksort(xs):
    if len(xs) < 2:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
print(quicksort([3, 6, 1, 8, 2, 9, 2]))
