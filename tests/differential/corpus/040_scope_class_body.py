x = "global"
class A:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    z = [x for _ in range(1)]
print(A.y, A().method(), A.z)
def f():
    x = "enclosing"
    class B:
        print("in body", x)
        x = "class-b"
        print("after assign", x)
        def get(self):
            return x
    return B
B = f()
print(B.x, B().get())
def g():
    v = "free"
    class C:
        w = v
        def m(self):
            return v
    return C
C = g()
print(C.w, C().m())
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.total_at_creation = Counter.total
a, b = Counter(), Counter()
print(Counter.total, a.total_at_creation, b.total_at_creation)
class D:
    items = []
    for i in range(3):
        items.append(i * i)
    del i
print(D.items, hasattr(D, "i"))
class E:
    def __init__(self):
        self.name = type(self).__name__
    def who(self):
        return __class__.__name__
class F(E):
    pass
print(F().name, F().who())
