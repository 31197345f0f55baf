# Build a keyword index over the documentation pages: a hot tokenizer made of
# str methods (lower, strip, split, isalpha, startswith), counts kept with
# dict.get, per-page sets, sorted by (-count, word) and joined; each page is
# fetched (a wait) inside the indexing function.
import json

URLS = [
    "https://shop.example/pricing",
    "https://shop.example/faq",
    "https://news.example/outage",
    "https://news.example/launch",
    "https://docs.example/export",
    "https://docs.example/auth",
]
STOP = {"the", "and", "per", "see", "for", "any", "with", "after", "only"}


def tokens(text):
    for raw in text.replace("\n", " ").split(" "):
        word = raw.strip(".,:;?!()").lower()
        if len(word) > 2 and word.isalpha() and word not in STOP:
            yield word


def index_page(url, counts, where):
    text = fetch_page(url)
    words = list(tokens(text))
    for w in words:
        counts[w] = counts.get(w, 0) + 1
        where.setdefault(w, set()).add(url.split("/")[2])
    links = [w for w in text.split() if w.startswith("https://")]
    return len(words), links


counts, where, sizes, links = {}, {}, {}, []
for rnd in range(3):
    for url in URLS:
        n, found = index_page(url, counts, where) if rnd == 0 else (sizes[url], [])
        sizes[url] = n
        links.extend(found)
        for w in tokens(url.replace("/", " ").replace(".", " ")):
            counts[w] = counts.get(w, 0) + rnd

top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print("top:", ", ".join(f"{w}={c}" for w, c in top))
shared = sorted(w for w, hosts in where.items() if len(hosts) > 1)
print("shared:", shared)
print("sizes:", json.dumps(sizes))
print("links:", sorted(set(links)))
print("hosts of 'contact':", sorted(where.get("contact", ())), max(counts, key=lambda w: (len(w), w)))
