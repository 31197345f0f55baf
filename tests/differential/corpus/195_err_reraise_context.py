# expect-error: RuntimeError
def fetch(url):
    if "bad" in url:
        raise ConnectionError(f"cannot reach {url}")
    return f"<html>{url}</html>"
def crawl(urls):
    pages = []
    for url in urls:
        try:
            pages.append(fetch(url))
        except ConnectionError:
            print("crawl failed at", url)
            raise RuntimeError("crawl aborted")
    return pages
print(crawl(["a.com", "b.com"]))
print(crawl(["c.com", "bad.example", "d.com"]))
