# A priority queue of incidents: heapq orders them with __lt__, which waits
# for the model's severity score.
import heapq


class Incident:
    def __init__(self, title):
        self.title = title
        self.severity = llm(f"Give a score for the severity of {title}")

    def __lt__(self, other):
        return int(self.severity) > int(other.severity)


heap = []
for title in ["certificate expired", "slow search", "typo on the pricing page"]:
    heapq.heappush(heap, Incident(title))
print("handle first:", heapq.heappop(heap).title)
print("remaining:", len(heap))
