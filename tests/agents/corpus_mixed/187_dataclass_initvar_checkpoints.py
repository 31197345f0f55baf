# A research board of dataclasses under postponed annotations: ClassVar
# counters, an InitVar brief that __post_init__ sends to the model, fields()
# and asdict for reports, dataclasses.replace for revisions (its __init__
# waits), and checkpoints with copy.deepcopy and pickle between waits, the
# board rolled back from its pickle when a revision is rejected.
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import pickle
from dataclasses import InitVar, dataclass, field
from typing import ClassVar


@dataclass(order=True)
class Task:
    rank: int
    title: str
    notes: list[str] = field(default_factory=list, compare=False)
    brief: InitVar[str | None] = None
    made: ClassVar[int] = 0
    KIND: ClassVar[str] = "research"

    def __post_init__(self, brief):
        type(self).made += 1
        if brief:
            self.notes.append(llm(f"Summarize: {brief}").split("(")[0].strip())

    @property
    def key(self):
        return f"{self.KIND}:{self.rank:02d}:{self.title.lower().replace(' ', '-')}"


@dataclass
class Board:
    owner: str
    tasks: list[Task] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    LIMIT: ClassVar[int] = 4

    def add(self, rank, title, brief=None):
        if len(self.tasks) >= self.LIMIT:
            raise OverflowError(f"the board of {self.owner} is full")
        self.tasks.append(Task(rank, title, brief=brief))
        self.history.append(f"add {title}")

    def digest(self):
        return hashlib.sha256(
            json.dumps(dataclasses.asdict(self), sort_keys=True).encode()
        ).hexdigest()[:12]


board = Board("ana")
board.add(3, "Pricing survey", brief="Compare the pricing pages of three competitors")
board.add(1, "Outage review")
board.add(
    2,
    "Delete stale drafts",
    brief="Read the export API documentation and list its limits",
)
print(
    [(f.name, f.type) for f in dataclasses.fields(Task)],
    [f.name for f in dataclasses.fields(board)],
)
print(
    Task.made,
    sorted(board.tasks)[0].key,
    board.digest(),
    len(pickle.dumps(board, protocol=4)),
)
checkpoints = [pickle.dumps(board, protocol=4), copy.deepcopy(board)]
for i, task in enumerate(sorted(board.tasks)):
    revised = dataclasses.replace(
        task,
        rank=task.rank + 10,
        brief=f"Revise the plan for {task.title}" if i == 0 else None,
    )
    if (
        approval(f"Replace {task.key} by {revised.key} with {len(revised.notes)} notes")
        == "approved"
    ):
        board.tasks[board.tasks.index(task)] = revised
        board.history.append(f"revise {task.title}")
    else:
        board = pickle.loads(checkpoints[0])
        board.history.append(f"rollback at {task.title}")
        break
print(Task.made, [t.key for t in board.tasks], board.history, board.digest())
restored = copy.deepcopy(checkpoints[1])
for n in range(1500):
    t = restored.tasks[n % len(restored.tasks)]
    if n % 97 == 0:
        t.notes.append(f"n{n}")
    if n % 500 == 499:
        verdict = approval(
            f"Keep checkpoint {n} of {restored.owner} at {restored.digest()}"
        )
        restored.history.append(f"{n}:{verdict}")
        restored = dataclasses.replace(restored, owner=restored.owner + "+")
try:
    for k in range(3):
        restored.add(k, f"extra {k}")
except OverflowError as exc:
    print("stop:", exc, len(restored.tasks))
print(
    json.dumps(dataclasses.asdict(restored), sort_keys=True)[:300],
    restored == checkpoints[1],
    Task.made,
)
print(
    pickle.loads(pickle.dumps(restored)) == restored,
    [t.rank for t in sorted(restored.tasks, reverse=True)],
)
