import json, re
from functools import cmp_to_key

class Item:
    def __init__(self, name, qty):
        self.name, self.qty = name, qty

class ItemEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Item):
            return {"name": o.name, "qty": o.qty}
        return super().default(o)

print(json.dumps([Item("pen", 2), Item("cup", 1)], cls=ItemEncoder))
print(json.dumps({"when": Item("x", 0)}, default=lambda o: o.name))
print(json.loads('{"a": 1.5, "b": [1, 2]}', object_hook=lambda d: sorted(d.items()), parse_float=str))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
def compare(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa"], key=cmp_to_key(compare)))
print(list(filter(lambda s: s.isupper(), "aBcDE")), list(map(str.title, ["ab cd", "ef"])))
