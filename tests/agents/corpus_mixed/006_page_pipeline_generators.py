# Crawl the shop's pages through a generator pipeline whose stages wait:
# a crawler and a fetcher (fetch_page), a line splitter (yield from) and a
# price checker (the model), joined with itertools.chain and islice.
import itertools
import re

LINK = re.compile(r"https://[a-z.]+/[a-z/]+")


def fetch(urls):
    for url in urls:
        yield url, fetch_page(url)


def crawl(start, limit):
    seen = set()
    frontier = [start]
    while frontier and len(seen) < limit:
        url = frontier.pop(0)
        if url in seen:
            continue
        seen.add(url)
        text = fetch_page(url)
        yield url, text
        frontier.extend(LINK.findall(text))


def lines(pages):
    for url, text in pages:
        yield from ((url, line) for line in text.splitlines()[1:] if line.strip())


def priced(pairs):
    for url, line in pairs:
        if "EUR" in line:
            verdict = llm(f"Answer yes or no: is {line} a fair price?")
            yield url.rsplit("/", 1)[-1], line.split(":")[0], verdict


sources = itertools.chain(crawl("https://shop.example/pricing", 3), fetch(["https://news.example/launch"]))
for row in itertools.islice(priced(lines(sources)), 3):
    print(row)

later = fetch(["https://news.example/launch", "https://shop.example/pricing"])
rest = list(itertools.islice(priced(lines(later)), 2, None))
print(len(rest), rest)

words = itertools.chain.from_iterable(text.split() for _, text in fetch(["https://docs.example/auth"]))
print(sorted(set(itertools.islice(words, 4))))
