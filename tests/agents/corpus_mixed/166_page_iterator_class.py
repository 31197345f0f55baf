# Crawl two sites with an iterator class: __next__ fetches the next page of
# a breadth-first frontier (a wait inside the protocol method a for loop
# calls), a Lines class answers __getitem__ with ints and slices and is
# iterated through the old sequence protocol, and a hot tokenizer runs over
# every line 40 times to build a term index.
import re
from collections import Counter, deque

LINK = re.compile(r"https://[\w./-]+\w")


class Lines:
    def __init__(self, text):
        self._lines = [line for line in text.splitlines() if line.strip()]

    def __len__(self):
        return len(self._lines)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._lines[index].strip()


class Crawler:
    def __init__(self, start, limit):
        self.frontier, self.seen = deque([start]), {start}
        self.limit, self.fetched = limit, 0

    def __iter__(self):
        return self

    def __next__(self):
        if not self.frontier or self.fetched >= self.limit:
            raise StopIteration
        url = self.frontier.popleft()
        text = fetch_page(url)
        self.fetched += 1
        for link in LINK.findall(text):
            if link not in self.seen:
                self.seen.add(link)
                self.frontier.append(link)
        return url, Lines(text)


def tokens(line):
    out, word = [], ""
    for ch in line.lower() + " ":
        if ch.isalnum():
            word += ch
        elif word:
            out.append(word)
            word = ""
    return out


terms = Counter()
for start in ("https://shop.example/pricing", "https://news.example/launch"):
    crawler = Crawler(start, limit=3)
    for url, lines in crawler:
        print(url.split("/", 2)[2], len(lines), lines[0], "|", lines[-1][:30], lines[1:3])
        for _ in range(40):
            for line in lines:
                terms.update(tokens(line))
    print("left:", list(crawler.frontier), "seen:", len(crawler.seen))
print(terms.most_common(6), sum(terms.values()))
