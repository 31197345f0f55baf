# Summarize support tickets once each: the summary is a
# functools.cached_property that asks the model on first access.
import functools


class Ticket:
    def __init__(self, ticket_id, subject):
        self.id = ticket_id
        self.subject = subject

    @functools.cached_property
    def summary(self):
        text = llm(f"Summarize: {self.subject}")
        return text.removeprefix("Summary: ")


tickets = [Ticket(7, "Login fails after password reset"), Ticket(9, "Invoice shows wrong VAT")]
for ticket in tickets:
    print(ticket.id, ticket.summary)
for ticket in tickets:
    cached = "cached" if "summary" in vars(ticket) else "not cached"
    print(ticket.id, len(ticket.summary), cached)
