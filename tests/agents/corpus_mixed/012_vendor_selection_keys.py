# Pick a vendor: min/max/sorted/heapq.nsmallest with key lambdas that read a
# score property waiting for the model, on dataclass records.
import heapq
from dataclasses import dataclass


@dataclass
class Quote:
    vendor: str
    price: float

    @property
    def score(self):
        return int(llm(f"Give a score for the vendor {self.vendor} at {self.price} EUR"))


quotes = [Quote("Acme", 120.0), Quote("Globex", 99.5), Quote("Initech", 130.0)]
best = min(quotes, key=lambda q: q.score)
print("lowest score:", best)
print("highest:", max(quotes, key=lambda q: (q.score, -q.price)).vendor)
print("cheapest two:", [q.vendor for q in heapq.nsmallest(2, quotes, key=lambda q: q.price)])
print("over 200:", max((q for q in quotes if q.price > 200), key=lambda q: q.score, default=None))

scores = {q.vendor: q.score for q in quotes}
ranked = sorted(quotes, key=lambda q: scores[q.vendor], reverse=True)
print(ranked)
print("spread:", max(scores.values()) - min(scores.values()), sorted(scores, key=scores.get))
winner = ranked[0]
print(f"{winner.vendor} wins with {scores[winner.vendor]} points at {winner.price:.2f} EUR")
print(sorted(quotes, key=lambda q: q.price)[0] == Quote("Globex", 99.5))
