# Crawl a small site with a generator pipeline: yield from over fetched
# pages, link extraction, itertools.chain/islice/groupby and a deque of
# pages to visit, all waiting for fetched pages inside the generators.
import itertools
import re
from collections import deque

LINK = re.compile(r"https://[\w./-]+")


def crawl(start, limit):
    seen = set()
    todo = deque([start])
    while todo and len(seen) < limit:
        url = todo.popleft()
        if url in seen:
            continue
        seen.add(url)
        text = fetch_page(url)
        todo.extend(link for link in LINK.findall(text) if link not in seen)
        yield url, text


def lines(pages):
    for url, text in pages:
        yield from ((url, line) for line in text.splitlines() if line.strip())


def with_contacts(pairs):
    for url, line in pairs:
        found = re.findall(r"[\w.]+@[\w.]+", line)
        if found:
            yield url, found[0]
        yield url, None


pages = crawl("https://shop.example/pricing", 3)
head = list(itertools.islice(lines(pages), 4))
print(head)
rest = list(with_contacts(lines(pages)))
print(len(rest), [c for _, c in rest if c])



def tally():
    totals = {}
    while True:
        url = yield totals
        if url is None:
            return sum(totals.values())
        totals[url] = len(fetch_page(url).split())


def driver(urls):
    acc = tally()
    next(acc)
    for url in urls:
        snapshot = acc.send(url)
    try:
        acc.send(None)
    except StopIteration as stop:
        return snapshot, stop.value


def delegate():
    result = yield from driver_gen(["https://shop.example/terms", "https://news.example/outage"])
    yield ("total", result)


def driver_gen(urls):
    total = 0
    for url in urls:
        words = len(fetch_page(url).split())
        total += words
        yield url, words
    return total


print(driver(["https://shop.example/faq", "https://docs.example/auth"]))
print(list(delegate()))
by_len = itertools.groupby(["https://shop.example/terms", "https://docs.example/auth", "https://news.example/launch"], key=lambda u: len(fetch_page(u)) > 60)
print([(k, len(list(g))) for k, g in by_len])
