# Plan dependency upgrades: a total_ordering Version (only __eq__ and __lt__
# written, __slots__, a regex with named groups) is parsed 2000 times in a
# hot loop, counted in a dict keyed by versions, compared with the derived
# >= and <=, kept sorted by bisect.insort; major upgrades wait for
# approval, and the model's answer decides whether to skip pre-releases.
import bisect
import functools
import re

SEMVER = re.compile(r"^v?(?P<major>\d+)\.(?P<minor>\d+)(?:\.(?P<patch>\d+))?(?:-(?P<pre>[a-z]+\d*))?$")


@functools.total_ordering
class Version:
    __slots__ = ("major", "minor", "patch", "pre")

    def __init__(self, text):
        m = SEMVER.match(text)
        if m is None:
            raise ValueError(f"not a version: {text!r}")
        self.major, self.minor = int(m["major"]), int(m["minor"])
        self.patch = int(m["patch"] or 0)
        self.pre = m["pre"]

    def key(self):
        return (self.major, self.minor, self.patch, self.pre is None, self.pre or "")

    def __eq__(self, other):
        return isinstance(other, Version) and self.key() == other.key()

    def __lt__(self, other):
        return self.key() < other.key()

    def __hash__(self):
        return hash(self.key())

    def __repr__(self):
        return f"{self.major}.{self.minor}.{self.patch}" + (f"-{self.pre}" if self.pre else "")


def release(i):
    pre = ("", "", "", "-rc1", "-beta2")[i % 5]
    return f"v{i % 4}.{(i * 7) % 12}.{(i * 13) % 9}{pre}" if i % 3 else f"{i % 4}.{(i * 5) % 12}{pre}"


counts, ordered, newer = {}, [], 0
baseline = Version("1.6.0")
for i in range(2000):
    v = Version(release(i))
    if v not in counts:
        bisect.insort(ordered, v)
    counts[v] = counts.get(v, 0) + 1
    newer += v >= baseline
print(len(counts), len(ordered), newer, ordered[:3], ordered[-3:], max(counts, key=lambda v: (counts[v], v)))
print(Version("2.0") <= Version("2.0.0"), Version("2.0.0-rc1") < Version("2.0"), Version("3.1") >= Version("3.0.9"))
try:
    Version("latest")
except ValueError as error:
    print("rejected:", error)
skip_pre = llm("Answer yes or no: skip pre-release versions when upgrading").strip() == "yes"
pinned = {"requests": "1.4.2", "numpy": "0.9.1", "flask": "2.11.0", "pydantic": "3.1.0", "attrs": "3.5.8"}
for name, text in sorted(pinned.items()):
    current = Version(text)
    candidates = [v for v in ordered if current < v and v.major <= current.major + 1 and not (skip_pre and v.pre)]
    target = candidates[-1] if candidates else current
    if target.major > current.major:
        verdict = approval(f"Upgrade {name} from {current!r} to {target!r} (major)")
    else:
        verdict = "auto" if target != current else "pinned"
    print(f"{name:9} {current!r:>8} -> {target!r:<9} {verdict}")
