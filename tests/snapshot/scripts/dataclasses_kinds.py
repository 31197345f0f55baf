from dataclasses import dataclass, field, fields, asdict, replace


@dataclass(frozen=True)
class Lead:
    name: str
    score: int = 0


@dataclass(slots=True)
class Row:
    key: str
    tags: list = field(default_factory=list)


@dataclass(order=True)
class Ranked:
    rank: int
    label: str = field(compare=False, default="")


lead = Lead("ada", 3)
row = Row("k1")
ranked = sorted([Ranked(3, "c"), Ranked(1, "a")])
row.tags.append(wait("t1"))
print(lead, row, ranked)
print([f.name for f in fields(Lead)], asdict(lead), replace(lead, score=wait(9)))
print(Row("k2"), Row("k3").tags is not row.tags, hash(lead) == hash(Lead("ada", 3)))
try:
    lead.score = 5
except Exception as e:
    print(type(e).__name__)
