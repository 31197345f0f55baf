class Deck:
    def __init__(self, cards):
        self._cards = list(cards)
    def __len__(self):
        return len(self._cards)
    def __getitem__(self, index):
        print("getitem", index if not isinstance(index, slice) else "slice")
        result = self._cards[index]
        return Deck(result) if isinstance(index, slice) else result
    def __iter__(self):
        print("iter")
        return iter(self._cards)
    def __contains__(self, card):
        print("contains", card)
        return card in self._cards
    def __reversed__(self):
        return reversed(self._cards)
    def __repr__(self):
        return f"Deck({self._cards})"
d = Deck("A23456")
print(len(d), d[0], d[-1], d[1:3])
print("3" in d, "Z" in d)
print(list(d), [c for c in d][:2])
print(list(reversed(d)), sorted(d, reverse=True)[0])
print(bool(Deck([])), bool(d))
class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(OldSeq()), 9 in OldSeq(), [x for x in OldSeq()])
a, b, *rest = OldSeq()
print(a, b, rest)
class Mapping:
    def __init__(self):
        self.data = {"a": 1, "b": 2}
    def keys(self):
        return self.data.keys()
    def __getitem__(self, k):
        return self.data[k] * 100
print(dict(Mapping()), {**Mapping()})
class Missing(dict):
    def __missing__(self, key):
        return f"no {key}"
m = Missing(x=1)
print(m["x"], m["y"], m.get("y"), len(m))
