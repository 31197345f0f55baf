def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)
def cache_default(key, value=None, _cache={}):
    if value is not None:
        _cache[key] = value
    return dict(_cache)
print(cache_default("a", 1))
print(cache_default("b", 2))
print(cache_default("c"))
def safe(item, target=None):
    target = [] if target is None else target
    target.append(item)
    return target
print(safe(1), safe(2))
class Registry:
    entries = []
    def __init__(self, name):
        self.entries.append(name)
Registry("x"); Registry("y")
print(Registry.entries)
class Fixed:
    def __init__(self, name):
        self.entries = []
        self.entries.append(name)
print(Fixed("x").entries, Fixed("y").entries)
def counter(counts={"n": 0}):
    counts["n"] += 1
    return counts["n"]
print(counter(), counter(), counter({"n": 100}), counter())
