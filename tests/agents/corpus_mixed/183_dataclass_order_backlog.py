# Prioritize a backlog: a dataclass(order=True) whose sort_index is set in
# __post_init__ (real tickets wait there for the model's JSON priority),
# compare=False fields, 800 synthetic items sorted and heap-ordered in hot
# code, print of dataclasses, and json.dumps(sort_keys=True, default=...)
# of dates, decimals and nested dataclasses.
import dataclasses
import heapq
import json
from datetime import date, timedelta
from decimal import Decimal


@dataclasses.dataclass(order=True)
class Item:
    sort_index: tuple = dataclasses.field(init=False, repr=False)
    id: int
    title: str = dataclasses.field(compare=False)
    priority: int | None = dataclasses.field(default=None, compare=False)
    due: date = dataclasses.field(default=date(2024, 6, 1), compare=False)
    cost: Decimal = dataclasses.field(default=Decimal("0"), compare=False)

    def __post_init__(self):
        if self.priority is None:
            reply = json.loads(llm(f"Return JSON for backlog ticket: {self.title}"))
            self.priority = reply["priority"]
        self.sort_index = (self.priority, self.due, -self.cost)


def encode(obj):
    if isinstance(obj, (date, Decimal)):
        return str(obj)
    if dataclasses.is_dataclass(obj):
        return {k: v for k, v in dataclasses.asdict(obj).items() if k != "sort_index"}
    raise TypeError(type(obj).__name__)


start = date(2024, 5, 1)
synthetic = [
    Item(i, f"chore {i}", 1 + (i * 7) % 5, start + timedelta(days=(i * 11) % 60), Decimal(i % 13) / 4 + 1)
    for i in range(800)
]
heap = []
for item in synthetic:
    heapq.heappush(heap, item)
first = [heapq.heappop(heap).id for _ in range(5)]
print(first, sorted(synthetic)[:5] == [next(i for i in synthetic if i.id == k) for k in first])
tickets = [Item(100 + t["id"], t["subject"], due=start + timedelta(days=t["id"])) for t in export("tickets")]
ranked = sorted(tickets + synthetic[:20])
print(ranked[0])
print([(i.id, i.priority) for i in ranked[:8]], max(tickets).id, min(tickets) < max(tickets))
print(
    json.dumps(
        {"top": ranked[:2], "when": start, "budget": sum(i.cost for i in ranked)}, sort_keys=True, default=encode
    )
)
print(dataclasses.replace(ranked[0], title="renamed", priority=9).sort_index)
