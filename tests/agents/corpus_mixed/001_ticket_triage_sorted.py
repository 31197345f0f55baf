# Triage the support queue: a dataclass(order=True) of tickets whose
# priority property waits for the model's urgency score, sorted with
# operator.attrgetter and printed as a list of records.
from dataclasses import dataclass, field
from operator import attrgetter


@dataclass(order=True)
class Ticket:
    customer_id: int
    ticket_id: int
    subject: str = field(compare=False)
    notes: list = field(default_factory=list, compare=False, repr=False)

    @property
    def priority(self):
        score = int(llm(f"Give a score for the urgency of: {self.subject}"))
        return 1 + score // 25


rows = export("tickets")
tickets = [Ticket(row["customer_id"], row["id"], row["subject"]) for row in rows[:4]]
print("by customer:", [t.ticket_id for t in sorted(tickets)])
print("first:", min(tickets))
print("last:", max(tickets).subject)

by_priority = sorted(tickets, key=attrgetter("priority"), reverse=True)
print(by_priority[:2])
print([(t.ticket_id, t.customer_id) for t in by_priority])

top = by_priority[0]
top.notes.append(f"escalated, customer {top.customer_id}")
same = Ticket(top.customer_id, top.ticket_id, "another subject")
print("same ticket:", same == top, same < top, same <= top)
print(top, top.notes)
