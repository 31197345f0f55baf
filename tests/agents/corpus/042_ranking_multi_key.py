# Rank candidate blog topics by model score, then by length, then by name,
# and approve the top ones.
topics = ["vat changes", "export api", "dark mode", "outage lessons", "pricing", "security"]
scored = []
for topic in topics:
    score = int(llm(f"Give a score for a blog post about {topic}"))
    scored.append((topic, score, len(topic)))

by_score = sorted(scored, key=lambda t: (-t[1], t[2], t[0]))
for rank, (topic, score, length) in enumerate(by_score, 1):
    print(f"{rank:>2}. {topic:<16} score={score:>3} len={length}")

top = [t for t, _, _ in by_score[:3]]
decisions = {t: approval(f"Publish a post about {t}") for t in top}
print(decisions == {t: "approved" for t in top}, sorted(decisions.items()))
print(sorted(topics, key=len, reverse=True)[:2], sorted(topics, key=str.upper)[0])
