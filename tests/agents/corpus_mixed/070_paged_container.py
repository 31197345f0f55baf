# A crawl result behaves as a container: __iter__ is a generator that fetches
# each page as it is reached, __len__ and __bool__ count the links, __contains__
# tests a url, __getitem__ takes an index or a slice (a new crawl), and
# __reversed__ walks back.
class Crawl:
    def __init__(self, urls):
        self.urls = list(urls)
        self.fetched = {}

    def page(self, url):
        if url not in self.fetched:
            self.fetched[url] = fetch_page(url)
        return self.fetched[url]

    def __iter__(self):
        for url in self.urls:
            text = self.page(url)
            yield url.rsplit("/", 1)[-1], text.splitlines()[0]

    def __len__(self):
        return len(self.urls)

    def __bool__(self):
        return any(not self.page(u).startswith("404") for u in self.urls)

    def __contains__(self, url):
        return url in self.urls and not self.page(url).startswith("404")

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(self.urls[index])
        return self.page(self.urls[index]).splitlines()[0]

    def __reversed__(self):
        for url in reversed(self.urls):
            yield self.page(url).splitlines()[0]

    def __repr__(self):
        return f"Crawl({len(self)} urls, {len(self.fetched)} fetched)"


base = "https://shop.example/"
crawl = Crawl(base + name for name in ["pricing", "faq", "terms", "careers"])
print(crawl, bool(crawl), len(crawl))
titles = dict(crawl)
print(titles)
first, *rest = crawl
print(first, len(rest))
print(base + "faq" in crawl, base + "careers" in crawl, "x" in crawl)
print(crawl[1], crawl[-1], crawl[1:3], list(crawl[:2]))
print(list(reversed(crawl)))
print(max(crawl, key=lambda pair: len(pair[1])), sorted(crawl.fetched)[0])
empty = Crawl([base + "nothing"])
print(bool(empty), len(empty), [t for t in enumerate(empty)], crawl)
