from dataclasses import dataclass, field, asdict

@dataclass(order=True)
class Order:
    total: float
    id: str = field(compare=False)
    items: list = field(default_factory=list, compare=False)

orders = [Order(12.5, "b", ["pen"]), Order(3.0, "a"), Order(40.0, "c", ["desk", "lamp"])]
for order in sorted(orders):
    print(order.id, order.total, len(order.items))
print(asdict(orders[2]))
print(Order(1.0, "x") == Order(1.0, "y"))
