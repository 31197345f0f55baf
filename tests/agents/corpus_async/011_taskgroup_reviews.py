# Prepare three change requests in a TaskGroup (top-level async with): each
# task drafts a summary with the model and submits it for review; the
# reviews are awaited async temporal calls, waited on inside the tasks.
import asyncio
from dataclasses import dataclass


@dataclass
class Change:
    title: str
    risk: str
    summary: str = ""
    decision: str = "pending"

    @property
    def ship(self):
        return self.decision == "approved"


async def prepare(change):
    change.summary = await ask_model(f"Summarize: {change.title} ({change.risk} risk)")
    change.decision = await request_review(f"{change.title}: {change.summary}")
    if change.ship:
        effect({"ship": change.title})
    return change.decision


changes = [Change("Rotate API keys", "low"), Change("Delete stale backups", "high"), Change("Resize workers", "medium")]
async with asyncio.TaskGroup() as group:
    tasks = [group.create_task(prepare(c)) for c in changes]

print([t.result() for t in tasks])
for change in changes:
    print(f"{change.title:<22} {change.decision:<9} {change.summary[:36]}")
print("shipping:", [c.title for c in changes if c.ship])
