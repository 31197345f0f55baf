# Retrieval agent: fetch a few pages, chunk them into overlapping windows,
# build a hand-written TF-IDF index, rank chunks for a planned query by
# cosine similarity, then let the model rerank the top chunks.
import heapq
import math
import re
from collections import Counter

TOKEN = re.compile(r"[a-z0-9]+")
URLS = ["https://shop.example/pricing", "https://docs.example/export", "https://news.example/launch"]


def tokenize(text):
    return TOKEN.findall(text.casefold())


def windows(tokens, size=6, step=4):
    for start in range(0, max(len(tokens) - size, 0) + 1, step):
        yield tokens[start:start + size]


pages = {url: fetch_page(url) for url in URLS}
chunks = []
for doc_no, (url, page) in enumerate(pages.items(), start=1):
    for w_no, win in enumerate(windows(tokenize(page)), start=1):
        chunks.append((f"{doc_no}.{str(w_no).zfill(2)}", Counter(win)))

df = sum((Counter(set(tf)) for _, tf in chunks), Counter())
N = len(chunks)


def idf(term):
    return math.log((1 + N) / (1 + df[term])) + 1


def vectorize(tf):
    return {t: c * idf(t) for t, c in tf.items()}


def cosine(a, b):
    dot = sum(a[t] * b.get(t, 0.0) for t in sorted(a))
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


vectors = {cid: vectorize(tf) for cid, tf in chunks}
question = llm("Make a plan: export formats price per month")
q = vectorize(Counter(tokenize(question)))
top = heapq.nlargest(4, vectors, key=lambda cid: (round(cosine(q, vectors[cid]), 9), cid))
for cid in top:
    print(cid, f"{cosine(q, vectors[cid]):.4f}", sorted(vectors[cid])[:4])

commonest = sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("chunks:", N, "vocab:", len(df), "commonest:", commonest)

scores = {cid: llm(f"Give a score for chunk {cid}: " + " ".join(t for t in sorted(vectors[cid]) if t != "json")) for cid in top[:3]}
reranked = sorted(top[:3], key=lambda cid: (-int(scores[cid]), cid))
print("reranked:", reranked, [int(scores[c]) for c in reranked])
