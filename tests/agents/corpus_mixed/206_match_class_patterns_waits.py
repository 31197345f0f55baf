# Route incoming events with structural pattern matching: class patterns
# whose keyword sub-patterns read @property attributes that wait (the match
# itself asks the model), positional patterns through __match_args__ mapped
# to a waiting property, nested class-in-class and mapping patterns with
# **rest, or-patterns binding the same name, and guards that wait for an
# approval; a dataclass(slots=True) event and a __slots__ class take part.
from dataclasses import dataclass


class Ticket:
    __match_args__ = ("label", "priority")

    def __init__(self, tid, subject, priority):
        self.tid, self.subject, self.priority = tid, subject, priority

    @property
    def label(self):
        return llm(f"Classify: ticket {self.tid}: {self.subject}")


@dataclass(slots=True)
class Order:
    oid: int
    amount: float
    status: str
    owner: object = None


class Customer:
    __slots__ = ("name", "tier")

    def __init__(self, name, tier):
        self.name, self.tier = name, tier

    @property
    def risky(self):
        return approval(f"Is {self.name} cleared for credit?") != "approved"


def route(event):
    match event:
        case Ticket("bug", 1) | Ticket("billing", 1):
            return f"page on-call for #{event.tid} ({event.label})"
        case Ticket(label="feature" | "question" as kind, priority=p) if p > 2:
            return f"backlog {kind} #{event.tid} p{p}"
        case Ticket(label=kind) if approval(f"Escalate ticket {event.tid} about {event.subject}") == "approved":
            return f"escalated {kind} #{event.tid}"
        case Ticket():
            return f"queued #{event.tid}"
        case Order(status="disputed", owner=Customer(tier="gold", risky=False) as c):
            return f"credit {c.name} for order {event.oid}"
        case Order(amount=float(a), owner=Customer(name=n)) if a > 300 and approval(f"Hold order {event.oid} of {a} for {n}") == "approved":
            return f"hold {event.oid}"
        case Order(oid=oid, status="paid" | "pending" as s):
            return f"order {oid} {s}"
        case {"kind": "page", "url": str(url), **rest} if (text := fetch_page(url)).startswith("404"):
            return f"dead link {url} extra={sorted(rest)}"
        case {"kind": "page", "url": url, **rest}:
            return f"page {url.rsplit('/', 1)[-1]}: {text.splitlines()[0]} {rest}"
        case [first, *others] if len(others) == len(first):
            return f"sequence of {len(others) + 1}"
        case _:
            return "dropped"


tickets = [Ticket(t["id"], t["subject"], t["priority"]) for t in export("tickets")]
customers = {c["id"]: Customer(c["name"], c["tier"]) for c in export("customers")}
orders = [Order(o["id"], float(o["amount"]), o["status"], customers[o["customer_id"]]) for o in export("orders")[3:8]]
events = [*tickets, *orders, {"kind": "page", "url": "https://shop.example/faq", "lang": "en"}, {"kind": "page", "url": "https://shop.example/gone"}, ["ab", 1, 2], ("x",)]
for i, event in enumerate(events):
    print(f"{i:>2} {type(event).__name__:<8} -> {route(event)}")
