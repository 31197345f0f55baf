class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
print(D().who(), D().chain())
class E(C, B):
    pass
print([k.__name__ for k in E.mro()], E().who(), E().chain())
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class Loggable:
    def log(self, msg):
        return f"[{type(self).__name__}] {msg}"
class Serializable:
    def dump(self):
        return {k: v for k, v in vars(self).items()}
class Model(Loggable, Serializable):
    def __init__(self, name):
        self.name = name
m = Model("thing")
print(m.log("saved"), m.dump())
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class Q(Z, W): pass
print([k.__name__ for k in Q.__mro__])
print(isinstance(Q(), Y), issubclass(Q, X))
class Left:
    attr = "left"
class Right:
    attr = "right"
    extra = "right-extra"
class Both(Left, Right):
    pass
print(Both.attr, Both.extra)
