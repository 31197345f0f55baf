# Usage accounting with operator overloading: a Usage value with __add__,
# __iadd__, __matmul__ (apply a price table) and __getitem__ with slices,
# and a WeakValueDictionary cache of Page objects kept alive by a list.
import weakref
from decimal import Decimal


class Usage:
    def __init__(self, calls=None):
        self.calls = list(calls or [])

    def __add__(self, other):
        return Usage(self.calls + other.calls)

    def __iadd__(self, other):
        self.calls.extend(other.calls)
        return self

    def __matmul__(self, prices):
        return sum((prices[c] for c in self.calls), Decimal("0"))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Usage(self.calls[index])
        return self.calls[index]

    def __len__(self):
        return len(self.calls)

    def __repr__(self):
        return f"Usage({len(self)}: {','.join(self.calls)})"


class Page:
    cache = weakref.WeakValueDictionary()

    def __init__(self, url):
        self.url = url
        self.text = fetch_page(url)
        self.title = self.text.splitlines()[0]

    @classmethod
    def get(cls, url, usage):
        page = cls.cache.get(url)
        if page is None:
            page = cls(url)
            cls.cache[url] = page
            usage += Usage(["fetch"])
        else:
            usage += Usage(["hit"])
        return page


usage = Usage()
keep = []
for url in ["https://shop.example/pricing", "https://shop.example/faq", "https://shop.example/pricing"]:
    keep.append(Page.get(url, usage))
print(usage, len(Page.cache), sorted(Page.cache.keys()))
summary = Usage([llm(f"Classify: {keep[1].text.splitlines()[1]}") and "llm"])
total = usage + summary
prices = {"fetch": Decimal("0.010"), "hit": Decimal("0.001"), "llm": Decimal("0.250")}
print(total, total @ prices, total[0], total[-1], total[1:3], total[::2] @ prices)
del keep[1:]
print(len(Page.cache), sorted(Page.cache.keys()))
again = Page.get("https://shop.example/faq", usage)
verdict = approval(f"Pay {usage @ prices} for {len(usage)} calls")
print(usage, verdict, again.title, len(Page.cache))
