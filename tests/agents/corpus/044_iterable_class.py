# A paginated result set: the class is iterable, and its __iter__ is a
# generator that fetches the next page only when the loop needs it.
class Pages:
    def __init__(self, urls, per_page=2):
        self.urls = urls
        self.per_page = per_page
        self.fetched = 0

    def __iter__(self):
        for start in range(0, len(self.urls), self.per_page):
            chunk = self.urls[start:start + self.per_page]
            texts = []
            for url in chunk:
                texts.append(fetch_page(url))
                self.fetched += 1
            yield [t.splitlines()[0] for t in texts]

    def __len__(self):
        return -(-len(self.urls) // self.per_page)


pages = Pages(["https://docs.example/export", "https://docs.example/auth", "https://shop.example/faq",
               "https://shop.example/terms", "https://nowhere.example/"])
print("pages:", len(pages))
for number, titles in enumerate(pages, 1):
    print(number, titles, "fetched so far:", pages.fetched)
print("done after", pages.fetched)
