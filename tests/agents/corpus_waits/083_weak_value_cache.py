# A WeakValueDictionary cache alive across a wait: its live items travel.
import weakref


class Page:
    def __init__(self, url):
        self.url = url


cache = weakref.WeakValueDictionary()
page = Page("https://shop.example/faq")
cache[page.url] = page
text = fetch_page(page.url)
print(text.splitlines()[0], sorted(cache))
