from enum import Enum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return f"{self.name.lower()}={self.value}"
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"])
print(Color.RED.name, Color.RED.value, Color.RED.describe())
print([c.name for c in Color], len(Color), Color.RED in Color)
print(Color.RED is Color(1), Color.RED == 1, Color.RED != Color.BLUE)
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    @property
    def finished(self):
        return self is Status.DONE
    @classmethod
    def parse(cls, text):
        return cls[text.upper()]
print([(s.name, s.value) for s in Status], Status.parse("done").finished)
class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS = 2
print(Shape.ALIAS is Shape.SQUARE, [s.name for s in Shape], list(Shape.__members__))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
lookup = {Color.RED: "stop", Color.GREEN: "go"}
print(lookup[Color(2)], sorted(c.value for c in lookup))
print(f"{Color.RED}", str(Color.BLUE), Color.RED.__class__.__name__)
print(isinstance(Color.RED, Color), type(Color.RED).__name__)
