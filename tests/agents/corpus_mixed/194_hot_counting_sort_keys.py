# Build a search-log report from 5000 seeded synthetic queries: string
# building, Counter and defaultdict counting and sorts with multi-part keys in
# a hot loop; every 700 queries a nested helper asks the model about the
# leaderboard, every 1250 the agent asks to flush the log buffer, and the
# final ranking sorts with a key closure whose first three calls wait.
import random
from collections import Counter, defaultdict

rng = random.Random(194)
WORDS = "refund login export vat invoice upload crash api token dark mode pricing trial cancel".split()
counts, pairs, by_len = Counter(), Counter(), defaultdict(list)
notes, flushed, buf = {}, [], []


def normalize(query):
    return " ".join(sorted(set(query.lower().split()), key=lambda w: (len(w), w)))


def leaderboard(n):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))
    return [f"{q}={c}" for q, c in ranked[:n]]


def check(step):
    def top():
        return leaderboard(3)

    label = llm(f"Classify: at step {step} the top queries are {', '.join(top())}")
    notes[step] = (label, top()[0])
    return label


for step in range(1, 5001):
    words = [WORDS[rng.randrange(len(WORDS))] for _ in range(1 + rng.randrange(3))]
    query = normalize(" ".join(words))
    counts[query] += 1
    by_len[len(query.split())].append(query)
    for a, b in zip(words, words[1:]):
        pairs[min(a, b), max(a, b)] += 1
    buf.append(f"{step:05d}:{query}")
    if step % 700 == 0 and check(step) == "bug":
        buf.append(f"{step:05d}:BUG")
    if (
        step % 1250 == 0
        and approval(f"Flush {len(buf)} log lines ending {buf[-1]}") == "approved"
    ):
        flushed.append(len(buf))
        buf.clear()
print(len(counts), leaderboard(5), sorted(notes.items())[:3])
print(
    flushed,
    len(buf),
    {k: len(v) for k, v in sorted(by_len.items())},
    pairs.most_common(3),
)
cache = {}


def weight(query):
    if query not in cache:
        cache[query] = (
            int(llm(f"Give a score for {query}")) if len(cache) < 3 else len(query) % 11
        )
    return cache[query]


top = sorted(counts.most_common(12), key=lambda kv: (-weight(kv[0]) * kv[1], kv[0]))
print([(q, c, cache[q]) for q, c in top])
letters = Counter("".join(q.replace(" ", "") for q in counts.elements()))
print(
    "".join(ch for ch, _ in letters.most_common(8)), sum(letters.values()), rng.random()
)
