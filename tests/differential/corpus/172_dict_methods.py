d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("missing", "default"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.popitem(), d)
copy = d.copy()
copy["a"] = "changed"
print(d["a"], copy["a"])
print(dict.fromkeys(["p", "q"]), dict.fromkeys("ab", 0))
keys = d.keys()
d["new"] = 1
print(keys, "new" in keys, len(keys))
print(d.keys() & {"a", "x", "q"} == {"a", "x"}, sorted(d.keys() | {"w"}))
print(dict(a=1, b=2) == {"b": 2, "a": 1}, dict(zip("ab", [1, 2])), dict([("k", "v")]))
nested = {"outer": {"inner": [1, 2]}}
shallow = nested.copy()
shallow["outer"]["inner"].append(3)
print(nested)
import copy as copy_mod
deep = copy_mod.deepcopy(nested)
deep["outer"]["inner"].append(4)
print(nested, deep)
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get))
print({k: v for k, v in sorted(counts.items(), key=lambda kv: -kv[1])})
d.clear()
print(d, bool(d), len({}))
print({1: "int", 1.0: "float", True: "bool"})
print(list({"b": 1, "a": 2}), {**{"x": 1}, **{"x": 2, "y": 3}})
print(sorted({"b": 1, "a": 2}.items()), reversed({"k": 1}).__next__())
