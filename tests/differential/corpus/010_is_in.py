a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True)
print(2 in a, 5 in a, 5 not in a)
print("ell" in "hello", "z" not in "hello", "" in "abc")
d = {"k": 1, "j": 2}
print("k" in d, 1 in d, 1 in d.values(), ("j", 2) in d.items())
s = {1, 2}
print(1 in s, 3 in s)
print(3 in range(0, 10, 3), 4 in range(0, 10, 3))
print((1, 2) in [(1, 2), (3, 4)], [1] in [[1], [2]])
class Bag:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items
bag = Bag([10, 20])
print(10 in bag, 30 not in bag)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(20 in Seq(), 25 in Seq())
class It:
    def __iter__(self):
        return iter([7, 8])
print(8 in It(), 9 in It())
x = None
print("x is None" if x is None else "not None")
nan = float("nan")
print(nan in [nan], nan == nan)
