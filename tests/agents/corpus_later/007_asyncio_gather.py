# Summarize pages concurrently with asyncio.gather; each coroutine waits for a
# page and for the model.
import asyncio


async def summarize(url):
    await asyncio.sleep(0)
    page = fetch_page(url)
    summary = llm(f"Summarize: {page}")
    return url, len(summary)


async def main():
    urls = ["https://news.example/outage", "https://news.example/launch", "https://docs.example/auth"]
    results = await asyncio.gather(*(summarize(u) for u in urls))
    for url, n in results:
        print(url, n)
    return len(results)


print("summarized", asyncio.run(main()))
