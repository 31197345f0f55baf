# Pluggable sources checked against runtime_checkable Protocols, and search
# hits as NamedTuples with methods: one method fetches the page, another
# asks the model for a score.
from typing import NamedTuple, Protocol, runtime_checkable


@runtime_checkable
class Source(Protocol):
    name: str

    def fetch(self, query: str) -> list: ...


@runtime_checkable
class Scorer(Protocol):
    def score(self, text: str) -> int: ...


class Hit(NamedTuple):
    url: str
    title: str
    rank: int = 0

    def body(self):
        return fetch_page(self.url)

    def first_line(self):
        return self.body().splitlines()[0]

    def with_rank(self, rank):
        return self._replace(rank=rank)


class ShopSource:
    name = "shop"

    def fetch(self, query):
        return [Hit(f"https://shop.example/{p}", p.title()) for p in ("pricing", "faq", "terms")]


class DocsSource:
    name = "docs"

    def fetch(self, query):
        return [Hit("https://docs.example/export", "Export"), Hit("https://docs.example/missing", "Gone")]


class LlmScorer:
    def score(self, text):
        return int(llm(f"Score this page: {text[:40]}"))


class NotASource:
    def fetch(self, query):
        return []


candidates = [ShopSource(), DocsSource(), NotASource(), LlmScorer()]
sources = [c for c in candidates if isinstance(c, Source)]
scorer = next(c for c in candidates if isinstance(c, Scorer))
print([type(s).__name__ for s in sources], type(scorer).__name__, isinstance(NotASource(), Source))
hits = [h for s in sources for h in s.fetch("export pricing")]
ranked = [h.with_rank(scorer.score(h.body())) for h in hits]
ranked.sort(key=lambda h: (-h.rank, h.url))
for h in ranked:
    print(f"{h.rank:3d} {h.title:<8} {h.first_line()}")
best = ranked[0]
print(best._asdict(), Hit._fields, best[1], len(best))
url, title, rank = ranked[-1]
print(url, title, rank, ranked[-1] == Hit(url, title, rank))
