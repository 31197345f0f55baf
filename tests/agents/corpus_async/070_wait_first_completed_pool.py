# Crawl a fixed list of pages through a pool of at most three fetch tasks:
# asyncio.wait(FIRST_COMPLETED) hands back finished tasks, the loop takes
# one at a time (lowest task name first, so the turns are fixed), refills the
# pool, asks the model about each page and waits for a human review of the
# long ones; a sync approval gates the final publish.
import asyncio
from dataclasses import dataclass, field
from operator import methodcaller

URLS = [
    "https://shop.example/pricing",
    "https://docs.example/export",
    "https://news.example/missing",
    "https://shop.example/faq",
    "https://news.example/launch",
    "https://docs.example/auth",
    "https://news.example/outage",
]


@dataclass
class Crawl:
    pages: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    reviews: dict = field(default_factory=dict)
    turns: int = 0


async def fetch(url):
    text = await fetch_url(url)
    return len(text.splitlines()), text


async def main():
    crawl = Crawl()
    todo = list(enumerate(URLS))
    pending = set()

    def refill():
        while todo and len(pending) < 3:
            i, url = todo.pop(0)
            task = asyncio.create_task(fetch(url), name=f"page-{i:02d}")
            task.url = url
            pending.add(task)

    refill()
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        task = min(done, key=methodcaller("get_name"))
        pending |= done - {task}
        crawl.turns += 1
        refill()
        try:
            lines, text = task.result()
        except ToolError as err:
            crawl.errors.append((task.get_name(), err.code))
            continue
        label = await ask_model(f"Classify: {text.splitlines()[0]}")
        crawl.pages[task.url] = (lines, label)
        if lines >= 4:
            crawl.reviews[task.url] = await request_review(f"Feature {task.url} ({lines} lines, {label})")

    for url in sorted(crawl.pages):
        lines, label = crawl.pages[url]
        print(f"{url:<32} {lines} {label:<9} {crawl.reviews.get(url, '-')}")
    print("errors:", sorted(crawl.errors), "turns:", crawl.turns)
    featured = sorted(u for u, r in crawl.reviews.items() if r == "approved")
    decision = approval(f"Publish a digest of {len(featured)} featured pages")
    print("digest:", decision, featured)


asyncio.run(main())
