# Sources registered as virtual subclasses of an ABC (Source.register), and
# a dispatch by isinstance that runs after each wait: the registrations are
# carried with the class.
from abc import ABC, abstractmethod


class Source(ABC):
    @abstractmethod
    def fetch(self): ...


class Notes:
    def fetch(self):
        return export("orders")[:1]


@Source.register
class Inbox:
    def fetch(self):
        return [{"id": "mail-1"}]


Source.register(Notes)
sources = [Notes(), Inbox(), "not a source"]
print([isinstance(s, Source) for s in sources], issubclass(Notes, Source))
summary = llm("Summarize: the sources of the day")
for s in sources:
    if isinstance(s, Source):
        print(type(s).__name__, len(s.fetch()), approval(f"Use source {type(s).__name__}"))
    else:
        print("skipped", s)
print(summary.split()[0], [issubclass(c, Source) for c in (Notes, Inbox, str)])
