# Transactions as context managers: a failure inside the block rolls back,
# the manager suppresses expected errors and lets others through.
class Transaction:
    def __init__(self, name):
        self.name = name
        self.ops = []

    def __enter__(self):
        print(f"begin {self.name}")
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            effect({"commit": self.name, "ops": self.ops})
            print(f"commit {self.name}")
            return False
        effect({"rollback": self.name, "error": str(value)})
        print(f"rollback {self.name}: {kind.__name__}")
        return issubclass(kind, LookupError)


orders = export("orders")
for order in orders[:4]:
    try:
        with Transaction(f"order-{order['id']}") as tx:
            tx.ops.append("lock")
            verdict = llm(f"Answer yes or no: ship order {order['id']}?")
            if verdict == "no":
                raise KeyError(f"order {order['id']} not shippable")
            if order["status"] == "pending":
                raise RuntimeError(f"order {order['id']} is pending")
            tx.ops.append("ship")
    except RuntimeError as err:
        print("escaped:", err)
