# Compact records with __slots__ and slotted dataclasses for a large import;
# each record is enriched by a method that asks the model.
from dataclasses import dataclass, field


@dataclass(slots=True)
class Lead:
    company: str
    score: int = 0
    notes: list = field(default_factory=list)

    def enrich(self):
        self.score = int(llm(f"Give a score for the lead {self.company}"))
        self.notes.append(f"scored {self.score}")
        return self.score


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


leads = [Lead(c["name"]) for c in export("customers")[:4]]
for lead in leads:
    lead.enrich()
print(sorted(leads, key=lambda lead: lead.score, reverse=True)[0])
print(hasattr(leads[0], "__dict__"), Lead.__slots__)
points = [Point(lead.score, len(lead.company)) for lead in leads]
print(points)
try:
    points[0].z = 1
except AttributeError as err:
    print("AttributeError:", "z" in str(err))
