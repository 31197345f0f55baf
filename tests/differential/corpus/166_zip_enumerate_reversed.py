names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
cities = ("paris", "rome")
print(list(zip(names, ages)), list(zip(names, ages, cities)))
print(dict(zip(names, ages)), list(zip()))
try:
    list(zip(names, cities, strict=True))
except ValueError as e:
    print("ValueError:", e)
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, start=10):
    print(i, name)
print(list(enumerate("ab", -1)))
print(list(reversed(names)), list(reversed(range(5))), "".join(reversed("abc")))
print(list(reversed({"x": 1, "y": 2})), list(reversed({"x": 1, "y": 2}.items())))
for idx, (n, a) in enumerate(zip(names, ages)):
    print(idx, n, a)
unzipped = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(unzipped)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [sum(col) for col in zip(*matrix)])
print(list(zip(range(3), reversed(range(3)))))
e = enumerate("xyz")
print(next(e), list(e))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 11
print(list(reversed(Seq())), list(enumerate(Seq())))
pairs = list(zip("abc", "abd"))
print([i for i, (x, y) in enumerate(pairs) if x != y])
print(list(map(lambda t: t[0] * t[1], zip([1, 2, 3], [4, 5, 6]))))
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
print(sorted(zip(ages, names)), max(zip(ages, names)))
