# Merge page texts into one brief: functools.reduce calls a merge function
# that waits for each page.
import functools

urls = ["https://docs.example/export", "https://docs.example/auth"]


def merge(brief, url):
    first = fetch_page(url).splitlines()[1]
    return f"{brief} | {first}" if brief else first


brief = functools.reduce(merge, urls, "")
print(brief)
print("parts:", brief.count("|") + 1)
