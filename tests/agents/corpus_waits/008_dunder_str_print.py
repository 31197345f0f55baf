# Print an incident digest: each incident's __str__ asks the model for a
# one-line summary, and print() calls __str__.
class Incident:
    def __init__(self, title, minutes):
        self.title = title
        self.minutes = minutes

    def __str__(self):
        summary = llm(f"Summarize: {self.title}")
        return f"[{self.minutes:>3} min] {summary.removeprefix('Summary: ')}"


incidents = [
    Incident("Uploads failed because a certificate expired", 14),
    Incident("Search index rebuild slowed down queries", 42),
]
for incident in incidents:
    print(incident)
print("total minutes:", sum(i.minutes for i in incidents))
