# Score search results with the model: lru_cache around a waiting scorer,
# functools.partial prompts, sorted/max with lambda keys that wait, and
# functools.reduce merging the rankings.
import functools
import operator


@functools.lru_cache(maxsize=None)
def relevance(title, topic):
    return int(llm(f"Give a score for how well '{title}' matches {topic}"))


def prompt(kind, topic, text):
    return f"{kind} about {topic}: {text}"


ask_summary = functools.partial(prompt, "Summarize")
topics = ["refund policy", "export api"]
rankings = {}
for topic in topics:
    hits = search(topic, limit=4)
    ranked = sorted(hits, key=lambda h: (-relevance(h["title"], topic), h["url"]))
    rankings[topic] = [(h["url"].rsplit("/", 1)[-1], relevance(h["title"], topic)) for h in ranked]
    best = max(hits, key=lambda h: relevance(h["title"], topic))
    print(topic, "->", best["title"], relevance(best["title"], topic))

print(rankings)
print(relevance.cache_info().hits > 0, relevance.cache_info().currsize)

total = functools.reduce(lambda acc, kv: acc + sum(score for _, score in kv[1]), rankings.items(), 0)
print("total score:", total)
merged = functools.reduce(operator.add, (scores for scores in rankings.values()))
print(sorted(merged, key=lambda pair: pair[1], reverse=True)[:3])

summary = llm(ask_summary(topics[0], " ".join(t for t, _ in merged)))
print(summary)
print(ask_summary.func.__name__, ask_summary.args)
