# Triage the open tickets: classify each one with the model, count the labels
# and escalate the urgent bugs.
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Ticket:
    id: int
    subject: str
    priority: int
    labels: list = field(default_factory=list)

    @property
    def urgent(self):
        return self.priority <= 2


rows = export("tickets")
tickets = [Ticket(r["id"], r["subject"], r["priority"]) for r in rows]
print(f"loaded {len(tickets)} tickets")

counts = Counter()
for ticket in tickets:
    label = llm(f"Classify this ticket: {ticket.subject}")
    ticket.labels.append(label)
    counts[label] += 1
    effect({"ticket": ticket.id, "label": label})

print("labels:", dict(sorted(counts.items())))
for ticket in sorted(tickets, key=lambda t: (t.priority, t.id)):
    if ticket.urgent and "bug" in ticket.labels:
        send_email("oncall@example.com", f"Urgent bug #{ticket.id}: {ticket.subject}")
        print("escalated", ticket.id)
print(counts.most_common(2))
