# Group tickets by the model's label where the key function returns the
# answer as it is: itertools.groupby compares pending answers.
import itertools

tickets = [
    (9, "Invoice shows wrong VAT"),
    (12, "Invoice total is off by one cent"),
    (8, "Please add dark mode"),
]


def label(ticket):
    return llm(f"Classify: {ticket[1]}")


groups = []
for key, group in itertools.groupby(tickets, key=label):
    members = list(group)
    groups.append((key, [ticket_id for ticket_id, _ in members]))
    print(key, "->", members)

print("groups:", len(groups))
print("tickets grouped:", sum(len(ids) for _, ids in groups))
