class Dog:
    species = "canis"
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
    def __repr__(self):
        return f"Dog({self.name!r}, {self.age})"
d = Dog("Rex", 3)
print(d.speak(), d.species, Dog.species)
print(d.birthday().birthday(), d.age)
print(Dog.speak(d), type(d).__name__, d.__class__.__name__)
e = Dog("Fido", 1)
e.species = "override"
print(d.species, e.species, Dog.species)
Dog.species = "lupus"
print(d.species, e.species)
method = d.speak
print(method(), method.__self__ is d, method.__func__ is Dog.speak)
print(isinstance(d, Dog), isinstance(d, object), issubclass(Dog, object))
class Empty:
    pass
obj = Empty()
obj.anything = 1
print(obj.anything, vars(obj))
print(Dog.__name__, Dog.__qualname__, Dog.speak.__qualname__)
print(getattr(d, "name"), getattr(d, "missing", "default"))
class WithClassAttr:
    counter = 0
    def __init__(self):
        WithClassAttr.counter += 1
        self.id = WithClassAttr.counter
objs = [WithClassAttr() for _ in range(3)]
print([o.id for o in objs], WithClassAttr.counter)
