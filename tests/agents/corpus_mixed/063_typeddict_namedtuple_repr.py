# Build a reviewer roster: TypedDict user rows, NamedTuple assignments with
# _replace/_asdict, a dataclass whose __repr__ asks for a status, printed in
# lists and dicts; min/max with waiting keys.
from dataclasses import dataclass
from typing import NamedTuple, TypedDict


class UserRow(TypedDict):
    name: str
    email: str
    team: str


class Assignment(NamedTuple):
    reviewer: str
    ticket: int
    weight: float = 1.0


@dataclass
class Reviewer:
    row: UserRow
    load: int = 0

    def __repr__(self):
        status = approval(f"Is {self.row['name']} on duty with load {self.load}")
        return f"Reviewer({self.row['name']!r}, load={self.load}, {status})"


rows: list[UserRow] = [UserRow(name=u["name"], email=u["email"], team=u["team"]) for u in map(lookup_user, ["ana", "ben", "dev"])]
reviewers = [Reviewer(r) for r in rows]
tickets = export("tickets")
assignments = []
for i, t in enumerate(tickets):
    rev = reviewers[i % len(reviewers)]
    rev.load += t["priority"]
    assignments.append(Assignment(rev.row["name"], t["id"], weight=1 / t["priority"]))

print(assignments[:2], assignments[0]._asdict())
print(Assignment._fields, Assignment._field_defaults, assignments[1]._replace(weight=0.0))
busiest = max(reviewers, key=lambda r: (r.load, int(llm(f"Give a score for reviewer {r.row['name']}"))))
print("busiest:", busiest)
print([reviewers[2]], {"lightest": min(reviewers, key=lambda r: r.load)})
total = sum(a.weight for a in assignments)
print(f"{total:.4f}", round(total, 2), f"{assignments[-1].weight:.1%}")
heavy = {a.reviewer: a for a in sorted(assignments, key=lambda a: a.weight)}
print(heavy)
r, ticket, w = assignments[3]
print(r, ticket, f"{w:g}", isinstance(assignments[3], tuple), assignments[3] == (r, ticket, w))
