# Customer digest as JSON: nested dataclass records with Decimal, date and
# set fields, dumped with indent=2, sort_keys=True and a default= hook that
# asks the model for a summary of each customer; dataclasses.replace and
# fields, and a deep copy of the records that hold tool results.
import copy
import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from decimal import Decimal


@dataclass
class OrderLine:
    id: int
    amount: Decimal
    day: date


@dataclass
class Customer:
    id: int
    name: str
    tier: str
    orders: list = field(default_factory=list)
    tags: set = field(default_factory=set)


def encode(obj):
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, set):
        return sorted(obj)
    if isinstance(obj, Customer):
        data = {f.name: getattr(obj, f.name) for f in fields(obj)}
        data["summary"] = llm(f"Summarize customer {obj.name} with {len(obj.orders)} orders")
        return data
    if isinstance(obj, OrderLine):
        return asdict(obj)
    raise TypeError(f"cannot encode {type(obj).__name__}")


customers = {c["id"]: Customer(c["id"], c["name"], c["tier"]) for c in export("customers")}
for row in export("orders"):
    line = OrderLine(row["id"], Decimal(row["amount"]), date.fromisoformat(row["date"]))
    customers[row["customer_id"]].orders.append(line)
    customers[row["customer_id"]].tags.add(row["status"])

picked = [c for c in customers.values() if len(c.orders) >= 2][:2]
print(json.dumps(picked, indent=2, sort_keys=True, default=encode))
backup = copy.deepcopy(picked)
picked[0].orders[0].amount += Decimal("0.10")
picked[0].tags.add(approval(f"Tag {picked[0].name} as reviewed"))
print(backup[0].orders[0].amount, picked[0].orders[0].amount, sorted(backup[0].tags), sorted(picked[0].tags))
upgraded = replace(backup[1], tier="gold", tags=backup[1].tags | {"upgraded"})
print(upgraded.tier, sorted(upgraded.tags), upgraded.orders is backup[1].orders, upgraded == backup[1])
flat = json.dumps({c.name: [str(o.amount) for o in c.orders] for c in customers.values()}, separators=(",", ":"))
print(flat)
print(json.loads(json.dumps(asdict(backup[0]), default=encode), parse_float=Decimal)["orders"][0])
