# Decode a task file: json.loads(object_hook=...) calls the script's hook for
# every object, and the hook waits for the model's label.
import json

payload = '{"tasks": [{"id": 1, "text": "Fix login"}, {"id": 2, "text": "Add dark mode"}]}'


def hook(obj):
    if "text" in obj:
        obj["label"] = llm(f"Classify: {obj['text']}").upper()
    return obj


data = json.loads(payload, object_hook=hook)
for task in data["tasks"]:
    print(task["id"], task["label"], task["text"])
