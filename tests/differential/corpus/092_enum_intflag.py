from enum import IntEnum, Flag, IntFlag, auto, Enum
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]))
print(Priority(5).name, int(Priority.HIGH), Priority.LOW == 1, f"{Priority.HIGH}")
print(max(Priority).name, [p.name for p in sorted(Priority, reverse=True)])
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(rw & Perm.X))
print((rw | Perm.X).value, Perm(0), bool(Perm(0)), [p.name for p in Perm])
class Mode(IntFlag):
    A = 1
    B = 2
    C = 4
m = Mode.A | Mode.C
print(m, int(m), m & 4, Mode(3), m == 5)
class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p.name, round(p.gravity, 2))
class Ordinal(str, Enum):
    FIRST = "1st"
    SECOND = "2nd"
print(Ordinal.FIRST == "1st", Ordinal.SECOND.upper(), Ordinal("2nd").name)
Animal = Enum("Animal", "ANT BEE CAT")
print([(a.name, a.value) for a in Animal], Animal.BEE.value)
