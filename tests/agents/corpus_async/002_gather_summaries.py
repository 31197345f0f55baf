# Summarize several pages concurrently with asyncio.gather over async tools,
# then ask for approval inside the coroutine before publishing the digest.
import asyncio
import json
from dataclasses import dataclass, asdict


@dataclass
class Digest:
    url: str
    words: int
    summary: str

    @property
    def short(self):
        return self.summary.removeprefix("Summary: ")[:40]


async def summarize(url):
    text = await fetch_url(url)
    summary = await ask_model(f"Summarize: {text}")
    return Digest(url, len(text.split()), summary)


async def main():
    urls = ["https://news.example/outage", "https://news.example/launch", "https://docs.example/auth"]
    digests = await asyncio.gather(*(summarize(u) for u in urls))
    for d in digests:
        print(f"{d.url.rsplit('/', 1)[-1]:>8} {d.words:3d} {d.short}")
    verdict = approval(f"Publish a digest of {len(digests)} pages")
    if verdict != "approved":
        return {"published": False}
    db_write([asdict(d) for d in digests], table="digests")
    return {"published": True, "words": sum(d.words for d in digests)}


print(json.dumps(asyncio.run(main()), sort_keys=True))
