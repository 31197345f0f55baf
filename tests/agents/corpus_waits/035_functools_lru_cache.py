# Resolve page titles for a link list: a functools.lru_cache wrapper holds
# a function that waits for the page.
import functools


@functools.lru_cache(maxsize=16)
def title(url):
    return fetch_page(url).splitlines()[0]


links = ["https://shop.example/faq", "https://shop.example/terms", "https://shop.example/faq"]
for url in links:
    print(f"{title(url):<6} {url}")
info = title.cache_info()
print("hits", info.hits, "misses", info.misses)
