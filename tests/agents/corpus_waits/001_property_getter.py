# Review pull requests: each request's risk is a @property that asks the
# model for a label when it is read by plain attribute access.
class PullRequest:
    def __init__(self, number, title):
        self.number = number
        self.title = title

    @property
    def risk(self):
        label = llm(f"Classify: {self.title}")
        return "high" if label in ("bug", "billing") else "low"


requests = [
    PullRequest(41, "Fix VAT rounding on invoices"),
    PullRequest(42, "Add a dark mode toggle to settings"),
]
second_reviewer = []
for pr in requests:
    risk = pr.risk
    if risk == "high":
        second_reviewer.append(pr.number)
    print(pr.number, pr.title, "->", risk)
print("needs a second reviewer:", second_reviewer)
