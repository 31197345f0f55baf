# Typed records with postponed annotations, class variables and optional
# fields, as type-checked agent code often has them.
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import ClassVar, Optional


@dataclass
class Article:
    url: str
    title: Optional[str] = None
    words: int = 0
    links: list[str] = field(default_factory=list)
    seen: ClassVar[int] = 0

    def load(self) -> Article:
        text = fetch_page(self.url)
        lines = text.splitlines()
        self.title = lines[0]
        self.words = len(text.split())
        self.links = [w for w in text.split() if w.startswith("https://")]
        Article.seen += 1
        return self


articles = [Article(u).load() for u in ["https://news.example/outage", "https://docs.example/export"]]
for article in articles:
    print(f"{article.title}: {article.words} words, links={article.links}")
print([f.name for f in fields(Article)], Article.seen, Article.__annotations__["title"])
verdict = approval(f"Publish digest of {len(articles)} articles")
print("digest:", verdict)
