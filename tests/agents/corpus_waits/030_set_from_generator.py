# Find the distinct teams that must sign off: set() and frozenset() are
# built from generators that wait for the model.
changes = [
    "Rotate the API keys",
    "Update the pricing page",
    "Rotate the signing keys",
]
labels = set(llm(f"Classify: {change}").strip() for change in changes)
print("labels:", sorted(labels))

verdicts = frozenset(llm(f"Answer yes or no: is {change} urgent?").lower() for change in changes[:2])
print("verdicts:", sorted(verdicts))

if "yes" in verdicts:
    print("at least one urgent change: page the approvers")
else:
    print("nothing urgent: batch the sign-off")
sign_off = {"bug": "eng", "feature": "product", "question": "support", "billing": "finance"}
print("teams:", sorted({sign_off[label] for label in labels}))
