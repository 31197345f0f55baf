# Enrich customer records: a dataclass whose default_factory asks the model
# for a plan, whose __post_init__ classifies the account and whose
# cached_property waits for an approval; the records are dumped with
# json.dumps(default=...) and printed as a list.
import json
from dataclasses import dataclass, field, asdict, replace
from functools import cached_property
from decimal import Decimal

_plans_made = 0


def default_plan():
    global _plans_made
    _plans_made += 1
    return llm(f"Plan the onboarding for account batch {_plans_made}: onboarding").splitlines()


@dataclass
class Account:
    name: str
    tier: str
    spend: Decimal = Decimal("0")
    plan: list = field(default_factory=default_plan)
    label: str = field(init=False, default="")

    def __post_init__(self):
        self.label = llm(f"Classify this account: {self.name} ({self.tier})")
        if self.label == "billing":
            self.spend += Decimal("1.00")

    @cached_property
    def upgrade(self):
        return approval(f"Upgrade {self.name} from {self.tier}")


def encode(obj):
    if isinstance(obj, Decimal):
        return f"{obj:.2f}"
    if isinstance(obj, Account):
        return {"name": obj.name, "label": obj.label}
    raise TypeError(type(obj).__name__)


customers = export("customers")
orders = export("orders")
spend = {}
for order in orders:
    spend[order["customer_id"]] = spend.get(order["customer_id"], Decimal("0")) + Decimal(order["amount"])

accounts = [Account(c["name"], c["tier"], spend.get(c["id"], Decimal("0"))) for c in customers[:3]]
print("plans made:", _plans_made)
for acc in accounts:
    print(f"{acc.name:<10} {acc.label:<9} {acc.spend:>8} first step: {acc.plan[0]}")

golds = [a for a in accounts if a.tier != "bronze"]
decisions = {a.name: a.upgrade for a in golds}
print(decisions)
print("cached:", [a.upgrade for a in golds] == list(decisions.values()))
print(json.dumps({"accounts": accounts, "total": sum((a.spend for a in accounts), Decimal("0"))}, default=encode, sort_keys=True))
row = asdict(accounts[0])
print(sorted(row), row["plan"][-1])


@dataclass(frozen=True)
class Snapshot:
    name: str
    verdict: str = field(init=False, default="")

    def __post_init__(self):
        object.__setattr__(self, "verdict", approval(f"Snapshot {self.name}"))


def encode_waiting(obj):
    return {"snap": obj.name, "tone": llm(f"Classify the snapshot {obj.name}"), "verdict": obj.verdict}


snaps = [Snapshot(a.name) for a in accounts[:2]]
print(json.dumps(snaps, default=encode_waiting))
print(replace(snaps[0], name="Copy Co"), snaps[1])
