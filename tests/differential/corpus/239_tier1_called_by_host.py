# Hot script functions that host code calls (a set's __hash__ and __eq__, a
# sort key, map, a dict's default factory): run by tier 1 as its calls are,
# ending by a return, an exception the script catches, a deep recursion, a
# generator made, a loop left to tier 0.
import sys
from dataclasses import dataclass

@dataclass(frozen=True)
class Tag:
    name: str
    level: int

class Slot:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        if self.k == 13:
            raise ValueError(f"no hash for {self.k}")
        return self.k % 7
    def __eq__(self, other):
        return self.k == other.k

seen, tags, errors = set(), {}, []
for i in range(80):
    try:
        seen.add(Slot(i % 20))
    except ValueError as e:
        errors.append((str(e), e.__context__, e.__traceback__.tb_next is None))
    tag = Tag(f"t{i % 5}", i % 3)
    tags[tag] = tags.get(tag, 0) + 1
print(len(seen), len(tags), errors[:2], sorted(tags.items(), key=lambda kv: (kv[0].name, kv[0].level))[:3])

def key(word):
    if word == "stop":
        raise KeyError(word)
    return (len(word), word[::-1])

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

def evens(n):
    return (i for i in range(n) if i % 2 == 0)

def slow(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

words = ["alpha", "be", "gamma", "delta", "pi"] * 6
print(sorted(words, key=key)[:4], max(words, key=key), list(map(depth, range(0, 60, 12))))
try:
    sorted(words + ["stop"], key=key)
except KeyError as e:
    print("KeyError", e, e.__context__)
print([sum(evens(n)) for n in range(20)][-3:], list(map(slow, [10, 300, 5])))
print(sum(map(depth, [sys.getrecursionlimit() // 4] * 3)))
