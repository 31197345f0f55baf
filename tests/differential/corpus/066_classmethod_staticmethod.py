class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, text):
        y, m, d = map(int, text.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class EuroDate(Date):
    pass
print(Date.from_string("2024-02-29"), EuroDate.from_string("2023-1-2"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
d = Date(2020, 5, 17)
print(d.from_string("1999-12-31"))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
sm = Date.__dict__["is_leap"]
print(sm.__func__(2004))
class Counter:
    count = 0
    @classmethod
    def increment(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter):
    pass
print(Counter.increment(), Counter.increment(), SubCounter.increment(), Counter.count, SubCounter.count)
class Tools:
    @staticmethod
    def add(a, b):
        return a + b
    helpers = [add]
    double = staticmethod(lambda x: x * 2)
    triple = classmethod(lambda cls, x: f"{cls.__name__}:{x * 3}")
print(Tools.add(1, 2), Tools.double(4), Tools.triple(5), Tools().triple(1))
print(Tools.helpers[0](3, 4))
bound = Date.from_string
print(bound.__self__ is Date, bound("2000-1-1"))
