import collections
from typing import NamedTuple, TypedDict


class Hit(NamedTuple):
    url: str
    score: float = 0.0


Pair = collections.namedtuple("Pair", "left right")


class Payload(TypedDict):
    id: int
    text: str


hits = [Hit("a", 0.5), Hit("b")]
pair = Pair(1, 2)
payload: Payload = {"id": 1, "text": "t"}
effect(wait(len(hits)))
print(hits, pair, pair._replace(left=wait(3)), payload, Hit._fields, sorted(Payload.__required_keys__))
print(hits[0].url, sorted(hits, key=lambda h: h.score)[0], pair.right)
