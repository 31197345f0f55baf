# Typed records with postponed annotations: dataclasses resolves string
# ClassVar/InitVar annotations, typing.get_type_hints and pickle find the
# script's classes through sys.modules["__main__"], before and after waits.
from __future__ import annotations

import dataclasses
import pickle
import sys
import typing
from dataclasses import InitVar, dataclass, field
from typing import ClassVar, Optional


@dataclass(order=True)
class Ticket:
    priority: int
    title: str = dataclasses.field(compare=False)
    owner: Optional[str] = field(default=None, compare=False)
    tags: list[str] = field(default_factory=list, compare=False)
    opened: ClassVar[int] = 0
    source: InitVar[str] = "inbox"

    def __post_init__(self, source):
        Ticket.opened += 1
        self.tags.append(source)


tickets = [Ticket((i * 7) % 5, f"issue {i}", source="mail" if i % 2 else "chat") for i in range(300)]
verdict = approval(f"Triage {len(tickets)} tickets")
print(verdict, Ticket.opened, [f.name for f in dataclasses.fields(Ticket)])
print(sorted(typing.get_type_hints(Ticket)))


@dataclass
class Batch:
    tickets: list[Ticket]
    limit: ClassVar[int] = 3

    def top(self) -> list[Ticket]:
        return sorted(self.tickets)[: Batch.limit]


batch = Batch(tickets)
note = llm("Summarize the ticket queue")
restored = pickle.loads(pickle.dumps(batch))
import __main__

print(type(restored) is Batch, [t.title for t in restored.top()], str(note)[:30])
print(__main__.Ticket is Ticket, sys.modules["__main__"].Batch.limit, vars(__main__) is globals())
print(approval("Close the lowest"), [f.name for f in dataclasses.fields(Batch)])
