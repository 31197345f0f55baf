class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, value):
        return value * self.factor
triple = Multiplier(3)
print(triple(5), callable(triple), callable(Multiplier), callable(5))
print(list(map(triple, [1, 2, 3])))
print(sorted([3, -1, 2], key=Multiplier(-1)))
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values, reset=False):
        if reset:
            self.total = 0
        self.total += sum(values)
        return self.total
acc = Accumulator()
print(acc(1, 2), acc(3), acc(10, reset=True))
class Chain:
    def __init__(self, path=()):
        self.path = path
    def __getattr__(self, name):
        return Chain(self.path + (name,))
    def __call__(self, *args):
        return f"{'.'.join(self.path)}{args}"
api = Chain()
print(api.users.get(42), api.items.list())
class Adder:
    def __call__(self, a):
        def inner(b):
            return a + b
        return inner
print(Adder()(1)(2))
class State:
    def __init__(self):
        self.transitions = []
    def __call__(self, event):
        self.transitions.append(event)
        return self
s = State()
s("start")("middle")("end")
print(s.transitions)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
