# Read the documentation pages through a generator that follows links; the
# loop stops after a few pages, and the ids of the pages come from a counter.
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


ids = itertools.count(100, 10)
pages = []
for url, title, n_links in crawl("https://news.example/launch"):
    page_id = next(ids)
    pages.append((page_id, title))
    print(f"{page_id} {title:<12} {n_links} link(s)  {url}")
    if len(pages) == 3:
        break

print(pages)
print(list(itertools.islice(itertools.cycle(t for _, t in pages), 5)))
