import functools
@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b, c = Version("1.2.0"), Version("1.10"), Version("1.2.0")
print(a < b, a <= c, a > b, a >= c, b >= a, a == c, a != b)
versions = [Version(v) for v in ["2.0", "1.0.1", "1.10", "1.2", "0.9.9"]]
print(sorted(versions))
print(max(versions), min(versions))
print(sorted(versions, reverse=True)[:2])
class Card:
    order = "23456789TJQKA"
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __repr__(self):
        return self.rank
hand = [Card(r) for r in "KA29T"]
hand.sort()
print(hand, max(hand), Card("2") < Card("3"))
print(Card("A") > Card("K"))
try:
    Card("A") <= Card("K")
except TypeError as e:
    print("TypeError:", e)
import heapq
heap = []
for v in ["3.1", "1.0", "2.5"]:
    heapq.heappush(heap, Version(v))
print([heapq.heappop(heap) for _ in range(3)])
import bisect
ordered = sorted(versions)
print(bisect.bisect(ordered, Version("1.5")))
