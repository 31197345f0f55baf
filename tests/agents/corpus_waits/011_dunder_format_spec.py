# Print a ticket board with aligned columns: a ticket's __format__ asks the
# model for its label and pads it to the format spec.
class Ticket:
    def __init__(self, ticket_id, subject):
        self.id = ticket_id
        self.subject = subject

    def __format__(self, spec):
        label = llm(f"Classify: {self.subject}")
        return format(f"{label}#{self.id}", spec)


tickets = [Ticket(8, "Please add dark mode"), Ticket(11, "App crashes on upload")]
for ticket in tickets:
    print(f"|{ticket:>14}| {ticket.subject}")
print(f"{'board':^14}|")
