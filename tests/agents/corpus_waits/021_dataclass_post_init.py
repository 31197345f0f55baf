# Score sales leads as they are created: the dataclass's __post_init__ asks
# the model for a score.
from dataclasses import dataclass


@dataclass
class Lead:
    name: str
    email: str
    score: int = 0

    def __post_init__(self):
        self.score = int(llm(f"Give a score for the lead {self.name} <{self.email}>"))


leads = [Lead("Acme Corp", "ops@acme.example"), Lead("Hooli", "team@hooli.example")]
for lead in sorted(leads, key=lambda lead: -lead.score):
    print(f"{lead.score:>3} {lead.name}")
print(leads[0])
