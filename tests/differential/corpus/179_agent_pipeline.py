import json
inbox = [
    '{"id": 1, "from": "ann", "text": "Please schedule a meeting tomorrow", "priority": 2}',
    '{"id": 2, "from": "bob", "text": "URGENT: server down", "priority": 1}',
    'not json at all',
    '{"id": 3, "from": "cy", "text": "lunch?", "priority": 3}',
    '{"id": 4, "from": "dee", "priority": 1}',
]
def parse(raw):
    data = json.loads(raw)
    if "text" not in data:
        raise KeyError("text")
    return data
def classify(message):
    text = message["text"].lower()
    if "urgent" in text or "down" in text:
        return "incident"
    if "meeting" in text or "schedule" in text:
        return "calendar"
    return "chat"
handlers = {
    "incident": lambda m: f"paged on-call for #{m['id']}",
    "calendar": lambda m: f"proposed slots to {m['from']}",
    "chat": lambda m: f"replied to {m['from']}",
}
processed, errors = [], []
for raw in inbox:
    try:
        message = parse(raw)
    except json.JSONDecodeError as e:
        errors.append(f"bad json: {e.msg}")
        continue
    except KeyError as e:
        errors.append(f"missing field {e}")
        continue
    kind = classify(message)
    processed.append((message["priority"], message["id"], kind, handlers[kind](message)))
for priority, mid, kind, action in sorted(processed):
    print(f"p{priority} #{mid} {kind:<8} {action}")
print("errors:", errors)
report = {"handled": len(processed), "failed": len(errors), "kinds": sorted({k for _, _, k, _ in processed})}
print(json.dumps(report, sort_keys=True))
