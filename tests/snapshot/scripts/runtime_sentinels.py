# Waits inside script code that the VM's runtime calls, which then tests a sentinel
# (its MISSING) in a process that loaded the runtime frame from a snapshot.
import itertools


class Tally:
    # Counts only what it knows; anything else falls to the other operand.
    def __init__(self, n):
        self.n = n

    def __iadd__(self, other):
        if wait(isinstance(other, Tally)):
            self.n += other.n
            return self
        return NotImplemented


class Bonus:
    def __init__(self, n):
        self.n = n

    def __radd__(self, other):
        return Tally(other.n + self.n)


t = Tally(1)
t += Tally(2)
t += Bonus(10)
effect(["tally", t.n])


class Pages:
    def __iter__(self):
        return wait(self)


try:
    iter(Pages())
except TypeError as e:
    effect(["pages", str(e)])


def kind(word):
    return wait(word[0])


effect([[k, list(g)] for k, g in itertools.groupby(["apple", "avocado", "banana", "cherry", "cranberry"], key=kind)])
effect(min(["pear", "fig", "kiwi"], key=lambda w: wait(len(w))))
effect(min([], key=lambda w: wait(len(w)), default="none"))


class Code:
    # An __index__ that is not an integer after all: bytes() takes the object as an iterable.
    def __init__(self, parts):
        self.parts = parts

    def __index__(self):
        raise TypeError(wait("not a size"))

    def __iter__(self):
        return iter(self.parts)


class Opaque:
    def __index__(self):
        raise TypeError(wait("not a size"))


effect(list(bytes(Code([104, 105]))))
try:
    bytearray(Opaque())
except TypeError as e:
    effect(["opaque", str(e)])
