# json.dumps(default=...) calls the script's hook for objects it cannot
# serialize; the hook waits for the model.
import json


class Customer:
    def __init__(self, row):
        self.row = row


def encode(obj):
    if isinstance(obj, Customer):
        return {"name": obj.row["name"], "label": llm(f"Classify customer {obj.row['name']}")}
    raise TypeError(type(obj).__name__)


customers = [Customer(r) for r in export("customers")[:3]]
print(json.dumps({"customers": customers}, default=encode, indent=1))
