# Render mixed records for a report: functools.singledispatch picks the
# renderer, and the ticket renderer waits for the model's label.
import functools
from dataclasses import dataclass


@dataclass
class Ticket:
    id: int
    subject: str


@functools.singledispatch
def render(record):
    return f"? {record!r}"


@render.register
def _(record: Ticket):
    return f"ticket {record.id} [{llm(f'Classify: {record.subject}')}]"


@render.register
def _(record: dict):
    return "row " + ", ".join(f"{k}={v}" for k, v in sorted(record.items()))


for record in [Ticket(9, "Invoice shows wrong VAT"), {"id": 3, "tier": "gold"}, 42]:
    print(render(record))
