# Classify support tickets with at most two model calls in flight (a
# Semaphore); the ticket export is waited for inside the coroutine.
import asyncio
import json
from dataclasses import dataclass, field
from enum import Enum


class Label(Enum):
    BUG = "bug"
    FEATURE = "feature"
    QUESTION = "question"
    BILLING = "billing"


@dataclass(order=True)
class Triaged:
    priority: int
    ticket_id: int
    label: Label = field(compare=False)


async def classify(ticket, limit, in_flight, peak):
    async with limit:
        in_flight.append(ticket["id"])
        peak[0] = max(peak[0], len(in_flight))
        answer = await ask_model(f"Classify: {ticket['subject']}")
        in_flight.remove(ticket["id"])
    return Triaged(ticket["priority"], ticket["id"], Label(answer))


async def main():
    tickets = export("tickets")
    limit = asyncio.Semaphore(2)
    in_flight, peak = [], [0]
    triaged = await asyncio.gather(*(classify(t, limit, in_flight, peak) for t in tickets))
    print("peak in flight:", peak[0])
    for t in sorted(triaged):
        print(t.priority, t.ticket_id, t.label.name)
    counts = {label.value: sum(t.label is label for t in triaged) for label in Label}
    print(json.dumps(counts, sort_keys=True))


asyncio.run(main())
