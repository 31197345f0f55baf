import abc
import collections


class Source(abc.ABC):
    @abc.abstractmethod
    def fetch(self): ...

    def describe(self):
        return f"{type(self).__name__}:{self.fetch()}"


class Web(Source):
    def __init__(self, url):
        self.url = url

    def fetch(self):
        return self.url.upper()


class Rows(list):
    def total(self):
        return sum(self)


class Index(dict):
    def __missing__(self, key):
        return 0


class Tally(collections.Counter):
    pass


class Name(str):
    def shout(self):
        return self.upper() + "!"


class Cache(collections.defaultdict):
    pass


web = Web("x.org")
rows = Rows([1, 2, 3])
rows.note = "kept"
idx = Index(a=1)
tally = Tally("abca")
name = Name("ada")
cache = Cache(list)
cache["k"].append(1)
effect(wait(rows.total()))
rows.append(wait(4))
print(web.describe(), rows, rows.total(), rows.note, idx["a"], idx["zz"], tally.most_common(1), name.shout())
print(isinstance(web, Source), Web.__abstractmethods__, cache["new"], dict(cache))
try:
    Source()
except TypeError as e:
    print("abstract")
