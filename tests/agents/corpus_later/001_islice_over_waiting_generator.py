# Read the documentation pages through a generator that follows links, and
# stop after a few pages: itertools.islice (host code) drives the generator,
# which waits inside.
import itertools
import re

LINK = re.compile(r"https://[\w./-]+")


def crawl(start):
    seen = set()
    queue = [start]
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        text = fetch_page(url)
        links = LINK.findall(text)
        yield url, text.splitlines()[0], len(links)
        queue.extend(link for link in links if link not in seen)


for url, title, n_links in itertools.islice(crawl("https://news.example/launch"), 3):
    print(f"{title:<12} {n_links} link(s)  {url}")

pages = list(itertools.islice(crawl("https://shop.example/pricing"), 10))
print(len(pages), "shop pages:", [title for _, title, _ in pages])
