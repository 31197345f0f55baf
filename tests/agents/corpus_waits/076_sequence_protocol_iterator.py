# Read an export page by page: the pager has no __iter__, only a __getitem__
# that waits for the export of each page (the old sequence protocol), and the
# agent steps it with iter()/next(), a for loop over the same iterator and
# list() over what is left.
class OrderPages:
    def __init__(self, size):
        self.size = size
        self.loaded = 0

    def __getitem__(self, page):
        rows = export("orders")
        start = page * self.size
        if start >= len(rows):
            raise IndexError(page)
        self.loaded += 1
        return [row["id"] for row in rows[start : start + self.size]]


pager = OrderPages(3)
pages = iter(pager)
print("first page:", next(pages))
for page in pages:
    print("page:", page)
    if len(page) < 3:
        break
print("after the loop:", next(pages, "none left"), list(pages))
print("pages loaded:", pager.loaded)
print("all ids:", [order_id for page in OrderPages(4) for order_id in page])
