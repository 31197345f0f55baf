# Ask the model for a label per ticket and print the list as it is: print()
# receives a list of pending answers, then a dict of them.
tickets = [
    (7, "Login fails after password reset"),
    (8, "Please add dark mode"),
    (9, "Invoice shows wrong VAT"),
]
labels = [llm(f"Classify: {subject}") for _, subject in tickets]
print(labels)

by_ticket = dict(zip([tid for tid, _ in tickets], labels))
print(by_ticket)

print("first:", labels[0])
print(labels)
print("tickets labelled:", len(by_ticket))
