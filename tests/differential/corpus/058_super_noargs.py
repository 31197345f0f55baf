class Base:
    def __init__(self, name):
        print("Base.__init__", name)
        self.name = name
    def describe(self):
        return f"Base({self.name})"
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        print("Child.__init__", age)
        self.age = age
    def describe(self):
        return "Child<" + super().describe() + f", {self.age}>"
class GrandChild(Child):
    def __init__(self):
        super().__init__("gc", 1)
    def describe(self):
        parent = super().describe()
        return f"GC[{parent}]"
print(GrandChild().describe())
class A:
    def __init__(self):
        print("A init")
        super().__init__()
class B(A):
    def __init__(self):
        print("B init")
        super().__init__()
class C(A):
    def __init__(self):
        print("C init")
        super().__init__()
class D(B, C):
    def __init__(self):
        print("D init")
        super().__init__()
D()
class Explicit(Child):
    def describe(self):
        return "E:" + super(Child, self).describe()
print(Explicit("e", 2).describe())
class Repr(list):
    def __repr__(self):
        return "Repr" + super().__repr__()
    def append(self, x):
        super().append(x * 2)
r = Repr([1])
r.append(5)
print(r, len(r))
class WithHelper(Base):
    def describe(self):
        helper = lambda: super(WithHelper, self).describe()
        return "helper:" + helper()
print(WithHelper("w").describe())
