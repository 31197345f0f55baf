import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 5


class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()


class Status(str, enum.Enum):
    OPEN = "open"
    DONE = "done"


c = Color.RED
p = Priority.HIGH
rw = Perm.R | Perm.W
s = Status("open")
effect(wait(1))
print(c is Color(1), c is Color["RED"], p > Priority.LOW, p + 1, rw, Perm.W in rw, s is Status.OPEN)
print(list(Color), len(Perm), repr(p), s.value, Status.DONE == "done", Color.GREEN.name)
print({c: "r"}[Color.RED], sorted(Priority), Priority(1))
