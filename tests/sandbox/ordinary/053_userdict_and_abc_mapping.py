import collections
class Inventory(collections.UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, max(0, v))
inv = Inventory(); inv["a"] = -5; inv["b"] = 3
print(dict(inv), len(inv), "a" in inv)
from collections.abc import Mapping, Iterable
class Frozen(Mapping):
    def __init__(self, d): self._d = dict(d)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
f = Frozen({"x": 1, "y": 2})
print(dict(f), f.get("z", 0), list(f.items()), isinstance(f, Iterable), f == {"x": 1, "y": 2})
c = collections.Counter("abracadabra"); c.update("aa"); print(c.most_common(3), (c - collections.Counter("a" * 6))["a"])
