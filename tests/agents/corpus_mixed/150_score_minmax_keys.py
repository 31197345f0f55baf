# Rank 50 candidate search results: a cached scoring helper asks the model
# for a score the first time a query is seen, then min/max/sorted with key
# functions, sum of generators and any()/all() run over the ranked list.
import json

QUERIES = ["refund policy", "vat invoice", "dark mode", "bulk delete", "export csv"]
cache = {}
calls = {"score": 0, "hits": 0}


def score_of(query):
    calls["score"] += 1
    if query in cache:
        calls["hits"] += 1
        return cache[query]
    value = int(llm(f"Give a score for the query {query}"))
    cache[query] = value
    return value


def candidates(n):
    out = []
    for i in range(n):
        q = QUERIES[i % len(QUERIES)]
        hit = search(q, limit=3)[i % 3]
        out.append({"q": q, "url": hit["url"], "base": hit["score"], "rank": i})
    return out


def final(c):
    return round(c["base"] * 100 + score_of(c["q"]) / (1 + c["rank"] % 7), 3)


cands = candidates(50)
best = max(cands, key=final)
worst = min(cands, key=lambda c: (final(c), c["url"]))
print("best:", best["url"], final(best))
print("worst:", worst["url"], final(worst))
ranked = sorted(cands, key=lambda c: (-final(c), c["rank"]))
print("top5:", [c["rank"] for c in ranked[:5]])
print("mean:", round(sum(final(c) for c in cands) / len(cands), 3))
print("any>150:", any(final(c) > 150 for c in cands), "all>10:", all(final(c) > 10 for c in cands))
per_query = {q: max(final(c) for c in cands if c["q"] == q) for q in QUERIES}
print(json.dumps(per_query, sort_keys=True))
print(json.dumps(calls, sort_keys=True), sorted(cache.items()))
