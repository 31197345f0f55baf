# Score search results: namedtuples updated with _replace, sorted with
# operator.itemgetter, unpacked with a starred target, and summarized with
# statistics over the model's relevance scores.
import statistics
from collections import Counter, namedtuple
from operator import attrgetter, itemgetter

Hit = namedtuple("Hit", "query title url score relevance", defaults=(None,))

hits = []
for query in ("export api", "vat rules"):
    for result in search(query, limit=2):
        hit = Hit(query, result["title"], result["url"], result["score"])
        relevance = int(llm(f"Give a score for {hit.title} as an answer to {query}"))
        hits.append(hit._replace(relevance=relevance))

ranked = sorted(hits, key=itemgetter(4, 3), reverse=True)
for query, title, url, *scores in ranked:
    print(f"{title:<24} {scores}")

best, *others = ranked
print("best:", best.title, "others:", len(others), best._asdict()["relevance"])
relevances = [h.relevance for h in hits]
print("mean:", statistics.mean(relevances), "median:", statistics.median(relevances))
per_query = {q: max(h.relevance for h in hits if h.query == q) for q in {h.query for h in hits}}
print(sorted(per_query.items()))
print(Hit._make(["q", "t", "u", 0.5, 7]), Hit._fields[-1])

counts = Counter(h.query for h in hits if h.relevance > 50)
print(sorted(counts.items()), max(hits, key=attrgetter("relevance")).url)
