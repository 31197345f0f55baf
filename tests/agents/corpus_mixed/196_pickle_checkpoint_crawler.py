# A crawler that checkpoints itself with pickle after every page: Frontier
# drops a derived index in __getstate__ and rebuilds it in __setstate__, a
# Link value type pickles through __reduce__, a frozen dataclass Stats is
# advanced with dataclasses.replace; a rejected fetch restores the last
# checkpoint, and sha1 digests of the checkpoints are compared before and
# after each wait (fetches and approvals inside methods and a loop).
import dataclasses
import hashlib
import pickle
import re
from dataclasses import dataclass

URL = re.compile(r"https://[\w./-]+\w")


class Link:
    def __init__(self, url, depth):
        self.url, self.depth = url, depth

    def __reduce__(self):
        return (Link, (self.url, self.depth))

    def __repr__(self):
        return f"Link({self.url.split('//')[1]}, {self.depth})"


@dataclass(frozen=True)
class Stats:
    pages: int = 0
    words: int = 0
    emails: tuple = ()


class Frontier:
    def __init__(self, seeds):
        self.queue, self.seen, self.index = [], {}, {}
        for url in seeds:
            self.push(url, 0)

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k != "index"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.index = {link.url: link for link in self.queue}

    def push(self, url, depth):
        if url not in self.seen and depth <= 2:
            self.seen[url] = depth
            self.queue.append(link := Link(url, depth))
            self.index[url] = link

    def visit(self, link):
        if (
            link.depth
            and approval(
                f"Crawl {link.url}"
                + (" with production credentials" if "auth" in link.url else "")
            )
            != "approved"
        ):
            return None
        return fetch_page(link.url)


frontier, stats = (
    Frontier(["https://shop.example/pricing", "https://news.example/launch"]),
    Stats(),
)
checkpoint, blocked, trail = pickle.dumps((frontier, stats), protocol=4), [], []
while frontier.queue:
    link = frontier.queue.pop(0)
    frontier.index.pop(link.url)
    if link.url in blocked:
        continue
    before = hashlib.sha1(pickle.dumps((frontier, stats), protocol=4)).hexdigest()[:10]
    text = frontier.visit(link)
    if text is None:
        frontier, stats = pickle.loads(checkpoint)
        blocked.append(link.url)
        trail.append(("rollback", link, len(frontier.queue)))
        continue
    for url in URL.findall(text):
        frontier.push(url, link.depth + 1)
    emails = tuple(
        sorted(set(stats.emails) | set(re.findall(r"[\w.]+@[\w.]+\w", text)))
    )
    stats = dataclasses.replace(
        stats,
        pages=stats.pages + 1,
        words=stats.words + len(text.split()),
        emails=emails,
    )
    checkpoint = pickle.dumps((frontier, stats), protocol=4)
    trail.append(
        (link, before, hashlib.sha1(checkpoint).hexdigest()[:10], len(checkpoint))
    )
print(*trail, sep="\n")
print(stats, sorted(frontier.seen.items()), blocked)
restored, restored_stats = pickle.loads(checkpoint)
print(
    restored.index,
    restored_stats == stats,
    dataclasses.astuple(restored_stats)[:2],
    pickle.loads(pickle.dumps(Link("https://x.example", 3))),
)
