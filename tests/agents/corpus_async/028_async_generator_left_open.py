# Stream search pages from an async generator and take only the first one:
# main returns with the generator still open, so asyncio.run() closes it at
# its end, and the generator's finally asks for a sign-off before it logs
# how many pages it read.
import asyncio

URLS = [
    "https://docs.example/export",
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
        verdict = approval(f"Close the page stream after {stats['read']} pages")
        effect({"pages_read": stats["read"], "close": verdict})
        print("stream closed:", verdict)


async def main():
    plan = llm("Plan: which page answers the export question?")
    print("plan:", len(plan))
    stats = {"read": 0}
    stream = pages(URLS, stats)
    url, text = await anext(stream)
    print(url, len(text), stats)
    return url


print("first page:", asyncio.run(main()))
