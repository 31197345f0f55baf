# Ask the model for structured JSON; when the answer does not parse, ask again
# with a stricter prompt while handling the decode error.
import json


def extract(subject):
    prompt = f"Return JSON for: {subject}"
    if "crash" in subject.lower():
        prompt = f"Return malformed JSON for: {subject}"
    try:
        return json.loads(llm(prompt))
    except json.JSONDecodeError as err:
        print(f"{subject[:20]!r}: not JSON ({err.msg} at {err.pos})")
        retry = llm(f"Return strict JSON only for: {subject}")
        data = json.loads(retry)
        data["retried"] = True
        return data


tickets = export("tickets")
extracted = []
for ticket in tickets[2:5]:
    data = extract(ticket["subject"])
    extracted.append({"id": ticket["id"], "priority": data["priority"], "retried": data.get("retried", False)})
print(json.dumps(extracted, indent=2))
bad = '{"a": 1,'
try:
    json.loads(bad)
except ValueError as err:
    print(type(err).__name__, err.lineno, err.colno)
