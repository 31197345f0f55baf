# dict.fromkeys, OrderedDict.fromkeys and a dict subclass's fromkeys over
# a script generator whose items wait.
from collections import OrderedDict


def topics(n):
    for i in range(n):
        yield llm(f"Name a topic {i}").split()[-1]


print(OrderedDict.fromkeys(topics(3)), dict.fromkeys(topics(2), 0))


class Tally(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, (value, len(self)))


print(Tally.fromkeys(topics(2), "x"), type(Tally.fromkeys(topics(1))).__name__)
print(dict.fromkeys([1, 2]), OrderedDict.fromkeys("ab", 1))
