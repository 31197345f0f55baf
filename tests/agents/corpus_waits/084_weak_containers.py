# WeakSet, WeakValueDictionary, WeakKeyDictionary and a weakref.ref alive
# across waits: their live items travel; an item dropped is gone.
import weakref

class Page:
    registry = weakref.WeakSet()
    def __init__(self, url):
        self.url = url
        Page.registry.add(self)

cache = weakref.WeakValueDictionary()
owners = weakref.WeakKeyDictionary()
page = Page("https://shop.example/faq")
other = Page("https://shop.example/terms")
cache[page.url] = page
cache[other.url] = other
owners[page] = "alice"
ref = weakref.ref(other)
text = fetch_page(page.url)
print(text.splitlines()[0], sorted(cache), len(Page.registry), owners[page], ref() is other)
del other
print(sorted(cache), len(Page.registry), ref())
print(approval("ok"), sorted(cache), [p.url for p in Page.registry])
