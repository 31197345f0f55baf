class Base:
    def who(self):
        return "Base"
class Child(Base):
    def who(self):
        return "Child>" + super().who()
    def via_lambda(self):
        return (lambda: super(Child, self).who())()
    def via_nested(self):
        def inner():
            return __class__.__name__
        return inner()
    def class_of_method(self):
        return __class__ is Child, type(self) is Child
print(Child().who(), Child().via_lambda(), Child().via_nested(), Child().class_of_method())
class GrandChild(Child):
    pass
print(GrandChild().who(), GrandChild().class_of_method())
class Counter:
    def __init__(self):
        self.count = 0
    def make_incrementer(self, step):
        def inc():
            self.count += step
            return self.count
        return inc
c = Counter()
inc2 = c.make_incrementer(2)
inc5 = c.make_incrementer(5)
print(inc2(), inc5(), inc2(), c.count)
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, part):
        self.parts.append(part)
        return self
    def adder(self, prefix):
        return lambda part: self.add(prefix + part)
b = Builder()
add_x = b.adder("x-")
add_x("1")
add_x("2").add("plain")
print(b.parts)
def make_class(label):
    class Dynamic:
        def describe(self):
            return f"{label}:{__class__.__qualname__}"
    return Dynamic
print(make_class("one")().describe(), make_class("two")().describe())
class Parent:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.registered_as = cls.__name__.lower()
class Kid(Parent):
    def greet(self):
        return f"hi from {self.registered_as} via {super().__class__.__name__}"
print(Kid().greet())
