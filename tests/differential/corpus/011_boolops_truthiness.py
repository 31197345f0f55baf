def show(label, value):
    print(label, repr(value))
    return value
show("and", 0 and 1)
show("and2", 2 and 3)
show("or", 0 or "default")
show("or2", "x" or "y")
show("not", not [])
r = show("a", 0) and show("b", 1)
r = show("c", 1) or show("d", 2)
r = show("e", "") or show("f", []) or show("g", None)
print("r", r)
for value in [0, 1, -1, 0.0, "", "0", [], [0], {}, {0: 0}, None, set(), (), (None,), 0j, range(0)]:
    print(repr(value), bool(value))
class Falsy:
    def __bool__(self):
        print("bool called")
        return False
class Sized:
    def __len__(self):
        print("len called")
        return 0
print(bool(Falsy()), bool(Sized()))
if not Falsy():
    print("falsy branch")
x = Sized() or "fallback"
print(x)
print(1 if Sized() else 2)
items = [3, 0, 4]
print(all(items), any(items), all([]), any([]))
print([i for i in items if i])
print(None or 0 or "" or "last")
print(1 and 2 and 3 and 0 and 5)
