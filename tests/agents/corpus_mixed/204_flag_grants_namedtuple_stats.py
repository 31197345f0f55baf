# Grant permissions to users: an enum.Flag of rights combined with | and
# tested with `in`, iterated member by member (each risky right waits for an
# approval), a typing.NamedTuple grant record whose method asks the model,
# _replace/_asdict, an IntEnum level derived from the flag's bits; grants are
# merged from two sorted streams by heapq.merge with a key that waits, placed
# with bisect by a waiting key, and scored with statistics over a generator
# that waits.
import bisect
import enum
import heapq
import statistics
from typing import NamedTuple


class Right(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    DELETE = enum.auto()
    ADMIN = enum.auto()
    EDITOR = READ | WRITE


class Level(enum.IntEnum):
    GUEST = 0
    MEMBER = 1
    OWNER = 2

    @classmethod
    def of(cls, rights):
        return cls(min(2, bin(rights.value).count("1") - 1)) if rights else cls.GUEST


class Grant(NamedTuple):
    user: str
    rights: Right
    note: str = ""

    def explain(self):
        names = "+".join(r.name for r in self.rights)
        return self._replace(note=llm(f"Classify: grant {names} to {self.user}"))


def vet(user, wanted):
    kept = Right(0)
    for right in wanted:
        if right in Right.DELETE | Right.ADMIN:
            verdict = approval(f"Give {right.name.lower().replace('delete', 'purge')} to {user}" + (" to delete all customers" if user == "dev" else ""))
            print(f"  {user}: {right.name} {verdict}")
            if verdict != "approved":
                continue
        kept |= right
    return Grant(user, kept)


requests = [("ana", Right.EDITOR), ("ben", Right.READ | Right.DELETE), ("cho", Right.EDITOR | Right.ADMIN), ("dev", Right.READ | Right.DELETE)]
grants = [vet(user, wanted).explain() for user, wanted in requests]
for g in grants:
    print(f"{g.user:<4} {g.rights!s:<28} {Level.of(g.rights).name:<7} {g.note}", sep="|")
print([g._asdict()["user"] for g in grants if Right.WRITE in g.rights], Right.EDITOR in grants[2].rights)


def score(user):
    return int(llm(f"Give a risk score for {user}"))


left = sorted(["ana", "dev"])
right = sorted(["ben", "cho"])
merged = list(heapq.merge(left, right, key=lambda u: (len(lookup_user(u)["team"]), u)))
print("merged:", merged)
ladder = sorted(merged, key=score)
scores = [score(u) for u in ladder]
print("ladder:", list(zip(ladder, scores)))
pos = bisect.bisect_left(ladder, 50, key=score)
print("first at or above 50:", pos, ladder[pos:] or "-")
print(
    "stats:",
    statistics.mean(score(u) for u in merged),
    statistics.median(scores),
    round(statistics.pstdev(scores), 3),
    statistics.quantiles(scores, n=4),
    sep=" ",
)
