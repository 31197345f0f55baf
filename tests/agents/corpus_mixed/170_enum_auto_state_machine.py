# Drive 1500 order events through a state machine built on enums: auto()
# values, a property and a transition method on the members, _missing_ to
# parse names, a Flag of permissions checked with & and ~, an IntEnum of
# priorities; the transition asks for approval (in a match arm of an enum
# method, two calls deep) before shipping the most expensive orders.
import json
from collections import Counter
from enum import Enum, Flag, IntEnum, auto


class Perm(Flag):
    READ, WRITE, SHIP = auto(), auto(), auto()
    ADMIN = READ | WRITE | SHIP


class Priority(IntEnum):
    LOW, NORMAL, HIGH = auto(), auto(), auto()


class State(Enum):
    NEW, PAID, PACKED, SHIPPED, CANCELLED = auto(), auto(), auto(), auto(), auto()

    @classmethod
    def _missing_(cls, value):
        return next((m for m in cls if isinstance(value, str) and m.name == value.upper()), None)

    @property
    def final(self):
        return self in (State.SHIPPED, State.CANCELLED)

    def next(self, event, order):
        match self, event:
            case State.NEW, "pay":
                return State.PAID
            case State.PAID, "pack":
                return State.PACKED
            case State.PACKED, "ship" if order["amount"] > 800:
                dest = "the production site" if order["prio"] is Priority.LOW else "the customer"
                verdict = approval(f"Ship order {order['id']} worth {order['amount']} EUR to {dest}")
                return State.SHIPPED if verdict == "approved" else State.PACKED
            case State.PACKED, "ship":
                return State.SHIPPED
            case ((State.NEW | State.PAID), "cancel"):
                return State.CANCELLED
            case _:
                return self


NEEDS = {"pay": Perm.WRITE, "pack": Perm.WRITE, "ship": Perm.SHIP | Perm.READ, "cancel": Perm.WRITE}
ACTORS = (Perm.ADMIN, Perm.READ | Perm.WRITE, Perm.SHIP | Perm.READ)
orders = [dict(id=k, amount=k * 389 % 1000 + 1, state=State("new"), prio=Priority(k % 3 + 1)) for k in range(150)]
denied = Counter()


def apply(order, event, perms):
    if NEEDS[event] & ~perms:
        denied[event] += 1
    elif not order["state"].final:
        order["state"] = order["state"].next(event, order)


for i in range(1500):
    event = ("pay", "pack", "ship", "pack", "ship", "pay", "cancel")[(i * 2654435761 >> 9) % 7]
    apply(orders[i % 150], event, ACTORS[(i // 7) % 3])
print(sorted(Counter(o["state"].name for o in orders).items()), sorted(denied.items()))
print([m.name for m in Perm if m in Perm.ADMIN], State("Shipped") is State.SHIPPED, State(4).name, Perm.SHIP.value)
top = sorted((o for o in orders if o["state"] is State.SHIPPED), key=lambda o: (-o["prio"], -o["amount"]))[:4]
print(json.dumps([{"id": o["id"], "prio": o["prio"].name, "amount": o["amount"]} for o in top]))
print(Priority.HIGH > Priority.LOW, Priority.NORMAL + 1, [p.name for p in sorted(Priority, reverse=True)])
