# Several reviewer objects each review the same draft; a reviewer asks the
# model (or a human) and keeps its own verdict history.
class Reviewer:
    def __init__(self, name, strict=False):
        self.name = name
        self.strict = strict
        self.history = []

    def review(self, draft):
        if self.strict:
            verdict = approval(f"{self.name}: publish the draft '{draft[:30]}'")
        else:
            verdict = llm(f"Answer yes or no: {self.name} likes '{draft}'")
        self.history.append(verdict)
        return verdict in ("approved", "yes")

    def __repr__(self):
        return f"<Reviewer {self.name} {self.history}>"


draft = llm("Write a plan: announce the new export API")
print(draft)
reviewers = [Reviewer("ana"), Reviewer("ben", strict=True), Reviewer("cho")]
votes = 0
for reviewer in reviewers:
    if reviewer.review(draft):
        votes += 1
    print(reviewer)
print(f"{votes} of {len(reviewers)} in favour")
if votes * 2 > len(reviewers):
    send_email("press@example.com", draft)
    print("published")
