import enum
import statistics
import textwrap

# Script hooks that class statements, match class patterns, subscripts of
# classes, exception group splits, textwrap.indent and statistics call:
# each waits, and the job resumes in a fresh process.


class Plugin:
    def __mro_entries__(self, bases):
        return (object,) if wait("base") == "base" else (int,)


class Exporter(Plugin()):
    pass


class Namespace(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, wait(value) if key == "retries" else value)

    def __getitem__(self, key):
        return wait("from namespace") if key == "source" else super().__getitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        effect(["prepare", name, wait(name)])
        return Namespace()

    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, dict(ns))


class Settings(metaclass=Meta):
    retries = 3
    origin = source


print(Exporter.__mro__[1].__name__, type(Exporter.__orig_bases__[0]).__name__, Settings.retries, Settings.origin)


class Order:
    __match_args__ = ("kind",)

    def __init__(self, kind):
        self.kind = kind

    @property
    def approved(self):
        return wait(self.kind) == "ok"

    def __class_getitem__(cls, item):
        return f"Order[{wait(item)}]"


for subject in [Order("ok"), Order("late"), 7]:
    match subject:
        case Order("ok", approved=True):
            print("approved ok")
        case Order(kind=k, approved=a):
            print("order", k, a)
        case int(n):
            print("number", n)
print(Order["draft"])


class Grant(enum.Flag):
    READ = 1
    WRITE = 2
    ADMIN = 4


for grant in Grant.READ | Grant.ADMIN:
    effect([grant.name, wait(grant.value)])

group = ExceptionGroup("batch", [ValueError("a"), TypeError("b"), ExceptionGroup("inner", [KeyError("c")])])
group.add_note("from the nightly run")
match, rest = group.split(lambda e: isinstance(e, (ValueError, KeyError)) and wait(str(e)) is not None)
print(repr(match), repr(rest), match.__notes__)
print(repr(group.subgroup(lambda e: not isinstance(e, ExceptionGroup) and wait(type(e).__name__) == "TypeError")))

print(textwrap.indent("keep\nflag\nkeep", "> ", predicate=lambda line: wait(line) == "flag"))


def scores():
    for n in [3, 5, 8]:
        yield wait(n) * 1.5


print(statistics.mean(scores()), statistics.median(wait(n) for n in [4, 1, 9]), statistics.pstdev([1, 2, 3, 4]))
