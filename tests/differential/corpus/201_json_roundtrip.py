import json
payload = {
    "name": "agent",
    "version": 2,
    "ratio": 0.75,
    "enabled": True,
    "parent": None,
    "tags": ["a", "b"],
    "nested": {"k": [1, {"deep": "yes"}]},
    "unicode": "café ☃",
}
text = json.dumps(payload)
print(text)
print(json.dumps(payload, sort_keys=True, indent=1)[:80])
print(json.dumps(payload["unicode"], ensure_ascii=False), json.dumps(payload["unicode"]))
back = json.loads(text)
print(back == payload, back["nested"]["k"][1]["deep"])
print(json.dumps((1, 2)), json.loads("[1, 2]"), json.dumps({1: "int key"}))
print(json.dumps([1.5, float("inf")]), json.loads("NaN") != json.loads("NaN"))
print(json.dumps({"b": 1, "a": 2}, separators=(",", ":")))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def encode(obj):
    if isinstance(obj, Point):
        return {"__point__": [obj.x, obj.y]}
    raise TypeError(f"cannot encode {type(obj).__name__}")
def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
encoded = json.dumps({"p": Point(1, 2)}, default=encode)
print(encoded)
decoded = json.loads(encoded, object_hook=decode)
print(type(decoded["p"]).__name__, decoded["p"].x, decoded["p"].y)
try:
    json.dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads('{"unterminated": ')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {"z", "a"}}, cls=Enc))
print(json.loads('{"n": 1}', parse_int=lambda s: int(s) * 100))
