class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name}: {self.sound}"
    def kind(self):
        return "animal"
class Cat(Animal):
    sound = "meow"
    def kind(self):
        return "cat, a kind of " + Animal.kind(self)
class Lion(Cat):
    sound = "roar"
    def __init__(self, name, pride):
        Animal.__init__(self, name)
        self.pride = pride
    def speak(self):
        return Cat.speak(self).upper()
for a in [Animal("generic"), Cat("tom"), Lion("leo", "west")]:
    print(a.speak(), "|", a.kind(), "|", type(a).__name__)
print(issubclass(Lion, Animal), issubclass(Animal, Lion), isinstance(Lion("x", "y"), Cat))
print([c.__name__ for c in Lion.__mro__])
print(Lion.__bases__[0].__name__, Cat.__base__.__name__)
print(Lion("l", "p").pride, hasattr(Cat("c"), "pride"))
class Base:
    def template(self):
        return f"[{self.hook()}]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
print([c.__name__ for c in Animal.__subclasses__()])
class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(3).area())
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
