# Crawl the linked pages as a tree: every level is a TaskGroup of child
# crawls (recursion through create_task), bounded by a Semaphore held in a
# script async context manager class whose __aexit__ waits for a review when
# a child fails with a 404 and then suppresses it; a page that mentions a
# contact waits for a review too; the tree of dataclass nodes is printed by
# a recursive generator and as json.dumps(indent=2, sort_keys=True,
# default=...) of the nodes; a closure counts the fetches with nonlocal.
import asyncio
import json
import re
from dataclasses import dataclass, field

LINK = re.compile(r"https://[a-z.]+/[a-z]+")


@dataclass
class Node:
    url: str
    depth: int
    title: str = ""
    contact: str | None = None
    review: str | None = None
    children: list = field(default_factory=list)
    error: int | None = None


class Slot:
    def __init__(self, sem, node, reviews):
        self.sem, self.node, self.reviews = sem, node, reviews

    async def __aenter__(self):
        await self.sem.acquire()
        return self.node

    async def __aexit__(self, kind, exc, tb):
        self.sem.release()
        if kind is ToolError and exc.code == 404:
            self.node.error = exc.code
            self.reviews.append((self.node.url, await request_review(f"Drop dead link {self.node.url}")))
            return True
        return False


def make_counter():
    fetched = 0

    async def fetch(url):
        nonlocal fetched
        fetched += 1
        return await fetch_url(url)

    return fetch, lambda: fetched


async def crawl(node, seen, sem, fetch, reviews, max_depth=2):
    async with Slot(sem, node, reviews):
        text = await fetch(node.url)
        node.title = text.splitlines()[0]
        if (m := re.search(r"[\w.]+@[\w.]+", text)) and "Contact" in text:
            node.contact = m.group(0)
            node.review = await request_review(f"Publish the contact {node.contact} of {node.url}")
    if node.error or node.depth >= max_depth:
        return node
    links = [u for u in sorted(set(LINK.findall(text))) if u not in seen]
    seen.update(links)
    async with asyncio.TaskGroup() as tg:
        for url in links:
            child = Node(url, node.depth + 1)
            node.children.append(child)
            tg.create_task(crawl(child, seen, sem, fetch, reviews, max_depth))
    return node


def walk(node, prefix=""):
    mark = f" [{node.error}]" if node.error else f" (contact {node.review})" if node.contact else ""
    yield f"{prefix}{node.url.split('//')[1]}: {node.title!r}{mark}"
    for child in node.children:
        yield from walk(child, prefix + "  ")


async def main():
    fetch, count = make_counter()
    reviews, roots = [], []
    sem = asyncio.Semaphore(2)
    for start in ("https://shop.example/pricing", "https://news.example/launch"):
        seen = {start, "https://shop.example/missing"}
        root = Node(start, 0)
        if start.startswith("https://news"):
            root.children.append(Node("https://shop.example/missing", 1))
            await crawl(root.children[0], seen, sem, fetch, reviews)
        roots.append(await crawl(root, seen, sem, fetch, reviews))
    for root in roots:
        print(*walk(root), sep="\n")
    print("fetched:", count(), "reviews:", sorted(reviews))
    print(json.dumps(roots[1], indent=2, sort_keys=True, default=lambda o: {k: v for k, v in vars(o).items() if v not in (None, [])}))
    contacts = sorted({n.contact for r in roots for n in [r, *r.children] if n.contact})
    print("contacts:", contacts, approval(f"Mail {len(contacts)} contacts"))


asyncio.run(main())
