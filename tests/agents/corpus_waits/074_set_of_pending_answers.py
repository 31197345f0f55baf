# Collect the distinct labels of a batch: set() is built from a generator of
# answers that are still pending, then handed to sorted() and print().
tickets = [
    (7, "Login fails after password reset"),
    (9, "Invoice shows wrong VAT"),
    (10, "How do I export my data?"),
]
labels = set(llm(f"Classify: {subject}") for _, subject in tickets)

ordered = sorted(labels)
print("labels:", ordered)
print("distinct:", len(labels))

owners = {"bug": "eng", "feature": "product", "question": "support", "billing": "finance"}
for label in ordered:
    print(f"{label:<9} -> {owners[label]}")
