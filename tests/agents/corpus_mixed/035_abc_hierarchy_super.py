# Summarize documents of several kinds: an abstract base class whose
# __init__ waits for the model, subclasses that extend it with super(),
# __str__ and __format__ on the records, and a print of the list.
from abc import ABC, abstractmethod


class Document(ABC):
    registry = []

    def __init__(self, source):
        self.source = source
        self.text = self.load()
        self.summary = llm(f"Summarize: {self.text[:80]}")
        Document.registry.append(self)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = llm(f"Classify the document kind {cls.__name__}")

    @abstractmethod
    def load(self): ...

    @property
    def words(self):
        return len(self.text.split())

    def __str__(self):
        return f"{type(self).__name__}({self.source})"

    def __repr__(self):
        return f"<{self} {self.words}w>"

    def __format__(self, spec):
        if spec == "short":
            return self.summary.split("(")[0].strip()[:30]
        return format(str(self), spec)


class WebPage(Document):
    def load(self):
        return fetch_page(self.source)


class Table(Document):
    def __init__(self, source, column):
        self.column = column
        super().__init__(source)
        self.values = [row[column] for row in self.rows]

    def load(self):
        self.rows = export(self.source)
        return " ".join(str(row[self.column]) for row in self.rows)


class ReviewedPage(WebPage):
    def __init__(self, source):
        super().__init__(source)
        self.verdict = approval(f"Publish the summary of {source}")


docs = [WebPage("https://shop.example/faq"), Table("tickets", "subject"), ReviewedPage("https://news.example/outage")]
print(docs)
for doc in sorted(docs, key=lambda d: d.words):
    print(f"{doc:<40}|{doc:short}|")
print({type(d).__name__: type(d).kind for d in docs})
print([type(d).__mro__[1].__name__ for d in Document.registry])
print(docs[1].values[:2], getattr(docs[2], "verdict", None))
try:
    Document("x")
except TypeError as error:
    print("abstract:", "abstract" in str(error))
