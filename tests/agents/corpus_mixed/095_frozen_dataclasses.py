# Tasks as frozen, ordered, slotted dataclasses: inheritance with defaults,
# kw_only fields, classmethod alternative constructors that wait for the
# task queue and a model, a staticmethod parser, replace() and sorting.
import dataclasses
import json
from dataclasses import dataclass, field, KW_ONLY


@dataclass(frozen=True, order=True, slots=True)
class Task:
    priority: int
    id: int
    kind: str = field(compare=False, default="generic")
    _: KW_ONLY
    tags: tuple = field(default=(), compare=False)

    @classmethod
    def from_queue(cls, queue):
        raw = next_task(queue)
        if raw is None:
            return None
        priority = raw["payload"].get("priority", 5) if isinstance(raw["payload"], dict) else 5
        return cls(priority, raw["id"], raw["kind"], tags=(queue,))

    @staticmethod
    def parse_priority(text):
        digits = "".join(c for c in text if c.isdigit())
        return int(digits or 3) % 5 + 1


@dataclass(frozen=True, order=True, slots=True)
class ScoredTask(Task):
    score: int = field(default=0, compare=False)
    note: str = field(kw_only=True, default="")

    @classmethod
    def scored(cls, task, text):
        score = int(llm(f"Score the urgency of: {text}"))
        return cls(cls.parse_priority(str(score)), task.id, task.kind, tags=task.tags, score=score, note=text[:20])


ops = [Task.from_queue("ops") for _ in range(3)]
print([dataclasses.astuple(t) for t in ops])
support = Task.from_queue("support")
scored = ScoredTask.scored(support, "Invoice shows wrong VAT")
print(scored)
try:
    scored.score = 1
except dataclasses.FrozenInstanceError as exc:
    print("frozen:", type(exc).__name__)
bumped = dataclasses.replace(ops[0], priority=0)
everything = sorted([*ops, scored, bumped], key=lambda t: (t.priority, t.id))
print([(t.priority, t.id, type(t).__name__) for t in everything])
print(ops[0] == Task(ops[0].priority, ops[0].id), hash(bumped) == hash(Task(0, 31)))
print([f.name for f in dataclasses.fields(ScoredTask)], ScoredTask.__slots__)
more = Task.from_queue("ops")
print(json.dumps(dataclasses.asdict(more)), Task.from_queue("ops"))
print(min(ops).id, sorted(ops)[-1] > bumped, max(everything, key=lambda t: (t.kind, t.id)).kind)
