# Route ops tasks: an Enum whose methods ask for approval and the model,
# a NamedTuple of outcomes, a match statement over the task kinds and a
# Counter of the results.
import enum
from collections import Counter
from typing import NamedTuple


class Risk(enum.Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @classmethod
    def of(cls, priority):
        return {1: cls.HIGH, 2: cls.MEDIUM}.get(priority, cls.LOW)

    def gate(self, what):
        if self is Risk.LOW:
            return True
        text = f"[{self.value}] {what}" + (" on production" if self is Risk.HIGH else "")
        return approval(text) == "approved"

    def __str__(self):
        return self.name.title()

    @classmethod
    def _missing_(cls, value):
        return cls.HIGH if llm(f"Answer yes or no: is {value} risky?") == "yes" else cls.LOW


class Outcome(NamedTuple):
    task: int
    risk: Risk
    status: str
    note: str = ""

    def line(self):
        return f"#{self.task} {self.risk!s:<6} {self.status:<9} {self.note}"


outcomes = []
while (task := next_task("ops")) is not None:
    payload = task["payload"]
    risk = Risk.of(payload["priority"])
    match task:
        case {"kind": "deploy", "payload": {"service": svc}} if risk.gate(f"deploy {svc}"):
            outcomes.append(Outcome(task["id"], risk, "deployed", svc))
        case {"kind": "deploy", "payload": {"service": svc}}:
            outcomes.append(Outcome(task["id"], risk, "blocked", svc))
        case {"kind": "restart" | "rotate-keys" as kind}:
            note = llm(f"Classify the maintenance {kind} of {payload['service']}")
            outcomes.append(Outcome(task["id"], risk, kind, note))
        case _:
            outcomes.append(Outcome(task["id"], risk, "skipped"))

for outcome in outcomes:
    print(outcome.line())
print(Counter(o.status for o in outcomes).most_common())
print(Counter(str(o.risk) for o in outcomes))
print(outcomes[0], outcomes[0]._replace(note="")._asdict())
print([Risk(word).name for word in ("medium", "urgent", "meh")], f"{Risk('low'):>6}|")
print(max(outcomes, key=lambda o: (o.risk.value, o.task)))
