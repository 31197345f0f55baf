class Base:
    registry = []
    @classmethod
    def create(cls, *args):
        print("Base.create for", cls.__name__)
        obj = cls(*args)
        Base.registry.append(cls.__name__)
        return obj
    @classmethod
    def describe(cls):
        return f"class {cls.__name__}"
    @staticmethod
    def helper():
        return "static-base"
class Child(Base):
    def __init__(self, value=0):
        self.value = value
    @classmethod
    def create(cls, *args):
        print("Child.create for", cls.__name__)
        obj = super().create(*args)
        obj.value *= 10
        return obj
    @classmethod
    def describe(cls):
        return super().describe() + " (child)"
    @staticmethod
    def helper():
        return "static-child+" + Base.helper()
class Grand(Child):
    pass
c = Child.create(2)
g = Grand.create(3)
print(c.value, g.value, Base.registry)
print(Child.describe(), Grand.describe(), Grand().describe())
print(Child.helper(), Grand.helper())
class Meta(type):
    def make(cls):
        return f"made {cls.__name__}"
class Sub(Base):
    def __new__(cls, *args):
        print("Sub.__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created_by_new = True
        return inst
    def __init__(self, x):
        super().__init__()
        self.x = x
s = Sub.create(7)
print(s.x, s.created_by_new)
