from enum import Enum, Flag, auto, unique

class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()

@unique
class Color(str, Enum):
    RED = "r"
    GREEN = "g"

    def describe(self):
        return f"{self.name.lower()}={self.value}"

rw = Perm.READ | Perm.WRITE
print(Perm.WRITE in rw, Perm.EXEC in rw, rw.value, bool(Perm(0)))
print([c.describe() for c in Color], Color("g"), Color.RED == "r", len(Color))
print(Color.__members__.keys() == {"RED", "GREEN"}, Color.RED.upper())
