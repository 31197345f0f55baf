class Temperature:
    def __init__(self, celsius=0.0):
        self._celsius = celsius
    @property
    def celsius(self):
        print("get celsius")
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("delete celsius")
        del self._celsius
    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_celsius"))
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return self.computed * 10
lz = Lazy()
print(lz.value, lz.value, lz.computed)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)
class Child(Temperature):
    @Temperature.celsius.getter
    def celsius(self):
        return "child-" + str(self._celsius)
print(Child(5).celsius)
area = property(lambda self: self.w * self.h)
class Rect:
    area = area
    def __init__(self, w, h):
        self.w, self.h = w, h
print(Rect(3, 4).area)
