import enum
class Op(enum.Enum):
    ADD = "+"
    SUB = "-"
    def apply(self, a, b):
        return a + b if self is Op.ADD else a - b
    @property
    def symbol(self): return self.value
print([op.apply(5, 3) for op in Op], Op.SUB.symbol, Op("+").name)
class Shape(enum.IntFlag):
    A = 1
    B = 2
print(Shape.A | Shape.B, list(Shape), repr(Shape(3)))
class S(enum.StrEnum):
    X = enum.auto()
print(S.X, S.X.upper(), f"{S.X}")
