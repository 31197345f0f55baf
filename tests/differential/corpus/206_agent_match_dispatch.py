import json
calls = [
    '{"tool": "calendar.create", "args": {"title": "Sync", "duration": 30}}',
    '{"tool": "calendar.create", "args": {"title": "Long", "duration": 240}}',
    '{"tool": "email.send", "args": {"to": ["a@x.io", "b@x.io"], "subject": "Hi"}}',
    '{"tool": "email.send", "args": {"to": [], "subject": "Nobody"}}',
    '{"tool": "math.eval", "args": {"expr": [2, "+", 3]}}',
    '{"tool": "math.eval", "args": {"expr": [2, "^", 3]}}',
    '{"unexpected": true}',
]
def dispatch(call):
    match call:
        case {"tool": "calendar.create", "args": {"title": str(title), "duration": int(minutes)}} if minutes <= 120:
            return f"created '{title}' ({minutes} min)"
        case {"tool": "calendar.create", "args": {"duration": minutes}}:
            return f"rejected: {minutes} min is too long"
        case {"tool": "email.send", "args": {"to": [first, *others], "subject": subject}}:
            return f"sent '{subject}' to {first} and {len(others)} other(s)"
        case {"tool": "email.send"}:
            return "rejected: no recipients"
        case {"tool": "math.eval", "args": {"expr": [int(a), "+" | "-" as op, int(b)]}}:
            return f"{a} {op} {b} = {a + b if op == '+' else a - b}"
        case {"tool": str(name)}:
            return f"unsupported call to {name}"
        case _:
            return "malformed call"
transcript = []
for raw in calls:
    result = dispatch(json.loads(raw))
    transcript.append(result)
    print(result)
rejected = [t for t in transcript if t.startswith(("rejected", "unsupported", "malformed"))]
print(f"{len(transcript) - len(rejected)} succeeded, {len(rejected)} rejected")
