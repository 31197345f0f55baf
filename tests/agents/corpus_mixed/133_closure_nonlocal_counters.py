# Count approvals and rejections with closures that keep nonlocal counters
# while each request waits for a human; lambdas capture the loop variable
# through default arguments and are called after the waits.
import json


def make_tracker(label):
    approved = 0
    rejected = 0
    history = []

    def submit(text):
        nonlocal approved, rejected
        decision = approval(f"{label}: {text}")
        if decision == "approved":
            approved += 1
        else:
            rejected += 1
        history.append((text, decision))
        return decision

    def report():
        return {"label": label, "approved": approved, "rejected": rejected, "seen": len(history)}

    def reset():
        nonlocal approved, rejected
        approved, rejected = 0, 0
        history.clear()

    return submit, report, reset


submit, report, reset = make_tracker("ops")
for text in ["Restart the search service", "Delete the staging database", "Rotate the API keys"]:
    print(text, "->", submit(text))
print(json.dumps(report(), sort_keys=True))

finance_submit, finance_report, _ = make_tracker("finance")
finance_submit("Send a wire transfer of 200 EUR")
print(json.dumps(finance_report(), sort_keys=True))
print(json.dumps(report(), sort_keys=True))

formatters = []
for width in (4, 8, 12):
    formatters.append(lambda s, w=width: s[:w].ljust(w, "."))

summary = llm("Summarize the approvals for the ops team today")
for fmt in formatters:
    print(f"[{fmt(summary)}]")


def counter_factory():
    calls = 0

    def bump(prompt):
        nonlocal calls
        calls += 1
        label = llm(f"Classify this request: {prompt}")
        return f"#{calls} {label}"

    return bump


bump = counter_factory()
labels = [bump(p) for p in ("login broken", "add dark mode", "wrong invoice")]
print(labels)
reset()
print(json.dumps(report(), sort_keys=True))
