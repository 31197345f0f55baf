from dataclasses import dataclass, field
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)
vs = [Version(1, 2), Version(1, 10), Version(0, 9, 9, "old"), Version(1, 2, 1)]
print(sorted(vs))
print(Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 99), max(vs))
print(Version(1, 2, 0, "a") == Version(1, 2, 0, "b"))
@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
import heapq
heap = []
for p, n in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    heapq.heappush(heap, Job(p, n))
while heap:
    job = heapq.heappop(heap)
    print(job.priority, job.name)
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print("TypeError:", e)
@dataclass(order=True, frozen=True)
class Card:
    rank: int
    suit: str
hand = {Card(10, "h"), Card(2, "s"), Card(10, "h")}
print(sorted(hand), len(hand))
print(sorted([Card(3, "b"), Card(3, "a"), Card(1, "z")]))
