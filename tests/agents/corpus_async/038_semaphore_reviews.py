# Fan out page reviews with at most three in flight: each worker fetches a
# page, asks the model for a score and submits a human review (an async
# temporal tool) while holding the Semaphore.
import asyncio
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PageReview:
    url: str
    words: int
    score: int
    decision: str


URLS = [
    "https://shop.example/pricing",
    "https://shop.example/faq",
    "https://shop.example/terms",
    "https://news.example/outage",
    "https://docs.example/export",
    "https://docs.example/auth",
]


async def review(url, gate, busy, peak):
    async with gate:
        busy.add(url)
        peak.append(len(busy))
        text = await fetch_url(url)
        score = int(await ask_model(f"Score this page: {url}"))
        verdict = await request_review(f"Publish {url} with score {score}")
        busy.discard(url)
    return PageReview(url, len(re.findall(r"\w+", text)), score, verdict)


async def main():
    gate = asyncio.Semaphore(3)
    busy, peak = set(), []
    reviews = await asyncio.gather(*[review(u, gate, busy, peak) for u in URLS])
    print("max in flight:", max(peak) <= 3)
    for r in sorted(reviews, key=lambda r: (-r.score, r.url)):
        print(f"{r.score:3d} {r.words:3d} {r.decision:8s} {r.url}")
    approved = [r.url for r in reviews if r.decision == "approved"]
    db_write([{"url": u} for u in sorted(approved)], table="published")


asyncio.run(main())
