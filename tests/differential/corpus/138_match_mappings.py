def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key", "key": k}:
            return f"special key {k}"
        case {"type": "resize", **rest}:
            return f"resize with {sorted(rest.items())}"
        case {"type": t}:
            return f"unhandled {t}"
        case {}:
            return "no type"
        case _:
            return "not a mapping"
events = [
    {"type": "click", "pos": (3, 4), "button": 1},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "F5"},
    {"type": "resize", "w": 80, "h": 24},
    {"type": "scroll"},
    {"other": 1},
    [("type", "click")],
    {"type": "click", "pos": [1, 2]},
]
for e in events:
    print(handle(e))
from collections import defaultdict, OrderedDict
dd = defaultdict(int, {"type": "key", "key": "z"})
print(handle(dd), handle(OrderedDict(type="scroll")))
def config(c):
    match c:
        case {"db": {"host": host, "port": int(port)}, "debug": bool(debug)}:
            return f"db {host}:{port} debug={debug}"
        case {"db": {"host": host}}:
            return f"db {host} default port"
    return "invalid"
print(config({"db": {"host": "h", "port": 5432}, "debug": True}))
print(config({"db": {"host": "h", "port": "5432"}, "debug": True}))
print(config({"db": {}}))
missing = defaultdict(lambda: "auto")
match missing:
    case {"k": v}:
        print("matched missing key", v)
    case _:
        print("defaultdict does not invent keys in match")
