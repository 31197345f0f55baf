# Sort candidate blog titles in place: list.sort(key=...) with a lambda that
# waits for the model's score, then publish the best one.
drafts = [
    {"title": "Why exports matter", "words": 640},
    {"title": "Ten tips for faster invoices", "words": 1210},
    {"title": "Our outage, explained", "words": 880},
]
titles = [d["title"] for d in drafts if d["words"] > 500]
titles.sort(key=lambda title: int(llm(f"Give a score for the blog title {title}")))

print("ranked, weakest first:")
for position, title in enumerate(titles, 1):
    print(f"  {position}. {title}")

best = titles[-1]
words = next(d["words"] for d in drafts if d["title"] == best)
effect({"publish": best, "words": words})
print("publishing:", best, f"({words} words)")
