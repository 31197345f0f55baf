# Map each ticket to its label: dict() is built from a generator that waits
# for the model on every item; the routing table is printed by label.
tickets = {
    7: "Login fails after password reset",
    9: "Invoice shows wrong VAT",
    10: "How do I export my data?",
}
labels = dict((tid, llm(f"Classify: {subject}").upper()) for tid, subject in tickets.items())

for tid, label in labels.items():
    print(tid, label)

routes = {}
for tid, label in labels.items():
    routes.setdefault(label, []).append(tid)
for label in sorted(routes):
    print(f"{label:<9} -> tickets {routes[label]}")
print("distinct labels:", len(routes))
