# Read headlines from several sources behind an abstract base class: the
# concrete source's __init__ waits for the page.
from abc import ABC, abstractmethod


class Source(ABC):
    @abstractmethod
    def headline(self):
        ...

    def describe(self):
        return f"{type(self).__name__}: {self.headline()}"


class PageSource(Source):
    def __init__(self, url):
        self.url = url
        self.lines = fetch_page(url).splitlines()

    def headline(self):
        return self.lines[0]


sources = [PageSource("https://news.example/outage"), PageSource("https://docs.example/auth")]
for source in sources:
    print(source.describe(), f"({len(source.lines)} lines)")
try:
    Source()
except TypeError as err:
    print("abstract:", str(err).split(" with")[0])
