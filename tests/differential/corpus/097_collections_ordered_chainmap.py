from collections import OrderedDict, ChainMap, UserDict, UserList
od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
defaults = {"theme": "light", "lang": "en", "size": 10}
user = {"theme": "dark"}
session = {"size": 12}
cfg = ChainMap(session, user, defaults)
print(cfg["theme"], cfg["lang"], cfg["size"], sorted(cfg))
cfg["new"] = "written to first map"
print(session, len(cfg.maps))
child = cfg.new_child({"lang": "fr"})
print(child["lang"], cfg["lang"])
class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
ld = LowerDict()
ld["HeLLo"] = 1
ld.update({"WORLD": 2})
print(ld.data, "hello" in ld)
class Stack(UserList):
    def push(self, x):
        self.append(x)
        return self
s = Stack([1]).push(2).push(3)
print(s, s.pop(), s.data, s + [9], type(s + [9]).__name__)
cache = OrderedDict()
def lru_put(key, value, capacity=2):
    cache[key] = value
    cache.move_to_end(key)
    if len(cache) > capacity:
        evicted = cache.popitem(last=False)
        print("evicted", evicted)
for k in "abac":
    lru_put(k, k.upper())
print(list(cache.items()))
