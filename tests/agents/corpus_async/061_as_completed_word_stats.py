# Fetch pages with asyncio.as_completed, collecting successes and 404s in
# completion order and sorting them afterwards; a hot loop counts words, and
# an async comprehension waits for a review of each top page.
import asyncio
import re

URLS = [
    "https://docs.example/export",
    "https://shop.example/terms",
    "https://news.example/missing",
    "https://news.example/outage",
    "https://shop.example/pricing",
    "https://docs.example/gone",
]


async def fetch(url):
    return url, await fetch_url(url)


def word_counts(texts):
    counts = {}
    for text in texts:
        for word in re.findall(r"[a-z]{4,}", text.lower()):
            counts[word] = counts.get(word, 0) + 1
    for _ in range(200):
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked


async def main():
    pages, failures = [], []
    for next_done in asyncio.as_completed([fetch(u) for u in URLS]):
        try:
            url, text = await next_done
        except ToolError as err:
            failures.append((err.code, err.message))
        else:
            pages.append((url, text))
    pages.sort()
    failures.sort()
    print("fetched:", [u for u, _ in pages])
    print("failed:", failures)
    ranked = word_counts(t for _, t in pages)
    print("top words:", ranked[:6])
    top = [u for u, t in sorted(pages, key=lambda p: (-len(p[1]), p[0]))[:3]]
    verdicts = [(u, (await request_review(f"Feature {u} in the weekly digest")) == "approved") for u in top]
    print(verdicts)
    summary = await ask_model(f"Summarize: {len(pages)} pages, {len(failures)} missing, featured {sum(v for _, v in verdicts)}")
    print(summary)


asyncio.run(main())
