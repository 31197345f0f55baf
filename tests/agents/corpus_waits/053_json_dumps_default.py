# Serialize an order report: json.dumps(default=...) calls the script's hook
# for orders, and the hook waits for the approval.
import json


class Order:
    def __init__(self, order_id, amount):
        self.order_id = order_id
        self.amount = amount


def encode(obj):
    if isinstance(obj, Order):
        decision = approval(f"Ship order {obj.order_id} ({obj.amount} EUR)")
        return {"id": obj.order_id, "amount": obj.amount, "ship": decision == "approved"}
    raise TypeError(f"cannot encode {type(obj).__name__}")


report = {"day": "2024-03-09", "orders": [Order(107, "42.00"), Order(109, "310.40")]}
print(json.dumps(report, default=encode, sort_keys=True))
