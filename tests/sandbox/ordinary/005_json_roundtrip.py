import json

payload = {"user": "ana", "tags": ["a", "b"], "score": 9.5, "active": True, "meta": None}
text = json.dumps(payload, sort_keys=True)
print(text)
back = json.loads(text)
print(back == payload, type(back["tags"]).__name__)
print(json.dumps(back, indent=2, sort_keys=True))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("decode error at", e.pos)
