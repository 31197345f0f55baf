# Rank search results with closures: a counter factory keeps nonlocal
# state, a scorer closure updates its weights by nonlocal assignment after
# feedback, 1200 hot scoring calls rank results for 60 queries, and the
# shortlist is ordered by a lambda key that asks the model for a relevance
# score, then by a Result property through operator.attrgetter.
import operator


def make_counter():
    count = 0
    by_query = {}

    def bump(query):
        nonlocal count
        count += 1
        by_query[query] = by_query.get(query, 0) + 1
        return count

    return bump, lambda: (count, len(by_query))


def make_scorer(title_w, rank_w):
    def score(result, position):
        return title_w * len(result["title"]) / 40 + result["score"] - rank_w * position

    def feedback(good):
        nonlocal title_w, rank_w
        if good:
            title_w *= 1.1
        else:
            rank_w += 0.01
        return round(title_w, 4), round(rank_w, 4)

    return score, feedback


class Result:
    def __init__(self, query, raw, score):
        self.query, self.raw, self.score = query, raw, score

    @property
    def rank(self):
        return (-round(self.score, 3), self.raw["url"])


bump, stats = make_counter()
score, feedback = make_scorer(0.5, 0.05)
best = []
for q in range(60):
    query = ("refund policy", "export api", "reset password", "dark mode")[q % 4] + f" {q // 4}"
    results = search(query, limit=4)
    for _ in range(5):
        scored = [Result(query, r, score(r, pos)) for pos, r in enumerate(results) if bump(query)]
    best.append(min(scored, key=operator.attrgetter("rank")))
    if q % 15 == 14:
        print("weights:", feedback(q % 2 == 0))
print("calls:", stats())
shortlist = sorted(best, key=operator.attrgetter("rank"))[:5]
rated = sorted(
    shortlist, key=lambda r: (-int(llm(f"Score the relevance of {r.raw['title']} for {r.query}")), r.raw["url"])
)
for r in rated:
    print(f"{r.query:22} {r.raw['url'][-24:]:>24} {r.score:.3f}")
