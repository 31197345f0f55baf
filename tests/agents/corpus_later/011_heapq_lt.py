# heapq orders tasks with the script's __lt__, which waits for the model's
# urgency score: heapq is host code.
import heapq


class Task:
    def __init__(self, name):
        self.name = name
        self.urgency = llm(f"Give a score for the urgency of {name}")

    def __lt__(self, other):
        return int(self.urgency) > int(other.urgency)


heap = []
for name in ["rotate keys", "fix login", "update docs"]:
    heapq.heappush(heap, Task(name))
print([heapq.heappop(heap).name for _ in range(len(heap))])
