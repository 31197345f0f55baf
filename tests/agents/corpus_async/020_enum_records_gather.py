# Incident records with an Enum severity and properties; each incident is
# handled by a coroutine that asks the model and, for severe ones, waits for
# an on-call approval: the waits happen inside asyncio.gather.
import asyncio
import enum
import json
from dataclasses import dataclass, asdict


class Severity(enum.IntEnum):
    LOW = 1
    HIGH = 2
    CRITICAL = 3


@dataclass
class Incident:
    id: int
    title: str
    severity: Severity
    action: str = ""

    @property
    def needs_approval(self):
        return self.severity >= Severity.HIGH


async def handle(incident):
    plan = await ask_model(f"Plan the fix: {incident.title}")
    first_step = plan.splitlines()[0]
    if incident.needs_approval:
        hotfix = " as a production hotfix" if incident.severity is Severity.CRITICAL else ""
        decision = approval(f"{incident.severity.name}: {first_step} for incident {incident.id}{hotfix}")
        incident.action = first_step if decision == "approved" else "escalate"
    else:
        incident.action = first_step
    return incident


async def main():
    tickets = await query_rows("tickets", 0, 6)
    incidents = [Incident(t["id"], t["subject"], Severity(max(1, 4 - t["priority"]))) for t in tickets]
    handled = await asyncio.gather(*(handle(i) for i in incidents))
    for inc in sorted(handled, key=lambda i: (-i.severity, i.id)):
        print(f"{inc.id:>3} {inc.severity.name:<8} {inc.action}")
    print(json.dumps([asdict(i) for i in handled if i.action == "escalate"]))


asyncio.run(main())
