# Fetch the docs concurrently and process them as they complete
# (asyncio.as_completed); each page's links are kept if the model says so,
# and the report is sorted because completion order is not.
import asyncio
import re

LINK = re.compile(r"https://[a-z.]+/[a-z/]+")


async def fetch(url):
    return url, await fetch_url(url)


async def main():
    urls = ["https://shop.example/pricing", "https://shop.example/faq", "https://news.example/launch"]
    report = []
    for next_done in asyncio.as_completed([fetch(u) for u in urls]):
        url, text = await next_done
        links = sorted(set(LINK.findall(text)))
        answer = llm(f"Answer yes or no: should {url} link to {len(links)} pages?")
        report.append((url, links if answer == "yes" else []))
    report.sort()
    for url, links in report:
        print(url, links)
    return sum(len(links) for _, links in report)


print("links:", asyncio.run(main()))
