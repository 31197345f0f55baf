# Data connectors share an abstract base class; each subclass fetches from
# its own source and the base class normalizes the records.
from abc import ABC, abstractmethod


class Connector(ABC):
    def __init__(self, name):
        self.name = name
        self.fetched = 0

    @abstractmethod
    def fetch(self):
        ...

    def records(self):
        raw = self.fetch()
        self.fetched += len(raw)
        return [{"source": self.name, **r} for r in raw]


class ExportConnector(Connector):
    def __init__(self, table):
        super().__init__(f"export:{table}")
        self.table = table

    def fetch(self):
        return export(self.table)[:2]


class PageConnector(Connector):
    def __init__(self, url):
        super().__init__("page")
        self.url = url

    def fetch(self):
        text = fetch_page(self.url)
        return [{"line": line} for line in text.splitlines()[:2]]


try:
    Connector("x")
except TypeError as err:
    print("abstract:", err)

connectors = [ExportConnector("customers"), PageConnector("https://docs.example/auth"), ExportConnector("events")]
for connector in connectors:
    for record in connector.records():
        print(record)
print({c.name: c.fetched for c in connectors})
print([type(c).__mro__[1].__name__ for c in connectors], isinstance(connectors[1], Connector))
