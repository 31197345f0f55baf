d = {}
for key in ["zeta", "alpha", "mid", "beta"]:
    d[key] = len(key)
print(list(d), d)
d["alpha"] = 100
print(list(d))
del d["zeta"]
d["zeta"] = 1
print(list(d))
print(list(d.items())[0], next(iter(d)))
merged = {"b": 1, "a": 2} | {"c": 3, "a": 20}
print(merged)
ordered_by_value = dict(sorted(d.items(), key=lambda kv: kv[1]))
print(ordered_by_value)
first_key = next(iter(ordered_by_value))
print(first_key)
def group_by_first_letter(words):
    groups = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return groups
print(group_by_first_letter(["banana", "apple", "blueberry", "avocado", "cherry"]))
int_keys = {3: "c", 1: "a", 2: "b"}
print(int_keys, sorted(int_keys), list(int_keys.values()))
mixed_keys = {"x": 1, 2: "two", (1, 2): "tuple", None: "none", 3.5: "float"}
print(mixed_keys)
print(list(mixed_keys.keys()))
copy = dict(mixed_keys)
copy.pop(2)
copy[2] = "re-added"
print(list(copy.keys()))
print({k: None for k in "hello"})
print(dict.fromkeys("mississippi"))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(list(reversed(counts)), list(reversed(counts.values())))
