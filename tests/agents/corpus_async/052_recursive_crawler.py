# A recursive async crawler: a Semaphore bounds concurrent fetches, a visited
# set is marked before fetching, links are found with a regex; pages
# mentioning prices need a human's approval before they are indexed.
import asyncio
import re

LINK = re.compile(r"https://[a-z.]+/[a-z]+")


class Crawler:
    def __init__(self, limit):
        self.sem = asyncio.Semaphore(limit)
        self.visited = set()
        self.index = {}
        self.skipped = []

    async def crawl(self, url, depth):
        if url in self.visited or depth < 0:
            return
        self.visited.add(url)
        async with self.sem:
            try:
                text = await fetch_url(url)
            except ToolError as err:
                self.skipped.append((url, err.code))
                return
        if "EUR" in text:
            if approval(f"Index priced page {url}") != "approved":
                return
        self.index[url] = text.splitlines()[0]
        links = sorted(set(LINK.findall(text)))
        await asyncio.gather(*(self.crawl(link, depth - 1) for link in links))


async def main():
    crawler = Crawler(limit=2)
    await crawler.crawl("https://news.example/launch", depth=3)
    await crawler.crawl("https://shop.example/pricing", depth=1)
    for url in sorted(crawler.index):
        print(f"{url} -> {crawler.index[url]}")
    print("visited:", len(crawler.visited), "skipped:", sorted(crawler.skipped))
    titles = sorted(crawler.index.values())
    print(llm(f"Summarize: crawled {', '.join(titles)}"))


asyncio.run(main())
