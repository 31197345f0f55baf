# Review 420 expense claims with a hierarchy of reviewers: an abstract base
# with an abstract limit, a cooperative super() chain through a mixin whose
# __init__ asks the model for the policy (a wait during instantiation, three
# __init__ calls deep), and a hot loop where the finance reviewer's review()
# override asks for approval on the largest escalated claims.
import json
from abc import ABC, abstractmethod


class Reviewer(ABC):
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name, self.seen = name, 0

    @abstractmethod
    def limit(self): ...

    def score(self, claim):
        self.seen += 1
        return claim["amount"] / self.limit()

    def review(self, claim):
        return "ok" if self.score(claim) <= 1 else "escalate"


class Audited(Reviewer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.trail = []

    def review(self, claim):
        verdict = super().review(claim)
        if verdict != "ok":
            self.trail.append(claim["id"])
        return verdict


class PolicyMixin:
    def __init__(self, topic, **kwargs):
        self.policy = llm(f"Classify: expense policy for {topic}").upper()
        super().__init__(**kwargs)


class Finance(Audited, PolicyMixin):
    def limit(self):
        return 250 if self.policy == "BILLING" else 400

    def review(self, claim):
        verdict = super().review(claim)
        if verdict == "escalate" and claim["amount"] > 992:
            what = "wire transfer" if claim["dept"] == "ops" else "card payment"
            verdict = approval(f"Claim {claim['id']}: {what} of {claim['amount']} EUR")
        return verdict


class Team(Audited):
    def limit(self):
        return 600


claims = [{"id": i, "amount": (i * 137) % 1000 + 5, "dept": ("ops", "sales", "eng")[i % 3]} for i in range(420)]
team, fin = Team(name="team"), Finance(name="finance", topic="travel and meals")
print([c.__name__ for c in Finance.__mro__], fin.policy, Reviewer.__abstractmethods__)
outcome = {"team": {}, "finance": {}}
for claim in claims:
    for reviewer in (team, fin):
        tally = outcome[reviewer.name]
        tally[v] = tally.get(v := reviewer.review(claim), 0) + 1
print(json.dumps(outcome, sort_keys=True))
print("seen:", team.seen, fin.seen, "trails:", len(team.trail), len(fin.trail), fin.trail[-3:])
