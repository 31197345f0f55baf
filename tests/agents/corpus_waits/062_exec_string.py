# Run a routing rule written as source text: exec() of a string whose code
# waits for the model, once per ticket.
RULE = """
label = llm(f"Classify: {subject}")
route = "finance" if label == "billing" else "support"
"""

tickets = [
    (9, "Invoice shows wrong VAT"),
    (7, "Login fails after password reset"),
]
routed = {}
for ticket_id, subject in tickets:
    scope = {"llm": llm, "subject": subject}
    exec(RULE, scope)
    routed[ticket_id] = scope["route"]
    print(subject, "->", scope["label"], scope["route"])
print(sorted(routed.items()))
