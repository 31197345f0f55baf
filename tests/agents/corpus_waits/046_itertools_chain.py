# Merge two feeds into one digest: itertools.chain runs script generators
# that wait for pages.
import itertools


def headlines(urls):
    for url in urls:
        yield fetch_page(url).splitlines()[0]


news = headlines(["https://news.example/outage", "https://news.example/launch"])
docs = headlines(["https://docs.example/auth"])
for number, line in enumerate(itertools.chain(news, docs), 1):
    print(number, line)
print("feeds merged:", 2)
