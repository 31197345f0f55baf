# Ranking agent: a heap of candidate chunks whose relevance property reads
# a model score; top-k with heapq.nlargest and sorted with tie-breaks.
import heapq
from dataclasses import dataclass, field


@dataclass
class Candidate:
    doc: str
    pos: int
    text: str
    _grade: object = field(default=None, repr=False)

    @property
    def relevance(self):
        return int(self._grade) // 10

    @property
    def label(self):
        return f"{self.doc}#{self.pos}"


texts = fetch_page("https://shop.example/pricing").splitlines()[1:4] + fetch_page("https://docs.example/export").splitlines()[1:3]
docs = ["pricing"] * 3 + ["export"] * 2
cands = [
    Candidate(doc, pos, line, llm(f"Give a score for: {line}"))
    for pos, (doc, line) in enumerate(zip(docs, texts, strict=True), start=1)
]
top3 = heapq.nlargest(3, cands, key=lambda c: (c.relevance, -c.pos))
print("top3:", [c.label for c in top3])
print("bottom2:", [c.label for c in heapq.nsmallest(2, cands, key=lambda c: (c.relevance, c.doc, c.pos))])
ordered = sorted(cands, key=lambda c: (-c.relevance, len(c.text), c.label))
for c in ordered:
    print(f"{c.label:<10} {c.relevance:>2} {c.text[:30]}")
heap = []
for c in cands:
    heapq.heappush(heap, (-c.relevance, c.pos, c.label))
print("pops:", [heapq.heappop(heap)[2] for _ in range(3)], "left:", len(heap))
merged = list(heapq.merge([1, 4, 9], [c.relevance for c in sorted(cands, key=lambda c: c.relevance)]))
print("merged:", merged)
