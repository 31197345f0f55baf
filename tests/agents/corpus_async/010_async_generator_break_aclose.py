# Stream search pages from an async generator until an approved source is
# found: the loop breaks early, contextlib.aclosing closes the generator and
# its finally records how many pages were read.
import asyncio
import contextlib

URLS = [
    "https://docs.example/export",
    "https://shop.example/terms",
    "https://news.example/launch",
    "https://docs.example/auth",
]


async def pages(urls, stats):
    try:
        for url in urls:
            text = await fetch_url(url)
            stats["read"] += 1
            yield url, text
    finally:
        stats["closed"] = True
        effect({"pages_read": stats["read"]})


async def main():
    stats = {"read": 0, "closed": False}
    chosen = None
    async with contextlib.aclosing(pages(URLS, stats)) as stream:
        async for url, text in stream:
            verdict = approval(f"Cite {url} ({len(text)} characters) in the answer")
            print(url, verdict)
            if "Launch" in text and verdict == "approved":
                chosen = url
                break
    print("chosen:", chosen, stats)


asyncio.run(main())
