for i in range(3):
    pass
print("loop variable after loop:", i)
for i in []:
    pass
print("unchanged after empty loop:", i)
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
print(items)
d = {"a": 1, "b": 2}
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
for k in list(d):
    if k == "a":
        del d[k]
print(d)
for x, y in [(1, 2), (3, 4)]:
    x += 10
print("tuple target after loop", x, y)
total = 0
for n in range(10, 0, -2):
    total += n
print("countdown total", total)
for ch in "ab":
    for ch2 in "xy":
        print(ch + ch2, end=" ")
print()
for attr_holder in [type("H", (), {})() for _ in range(2)]:
    attr_holder.v = 1
print("loop over fresh objects ok")
class Obj:
    pass
o = Obj()
for o.value in range(3):
    pass
print("attribute as loop target:", o.value)
lst = [0, 0, 0]
for lst[0] in (5, 6):
    pass
print("subscript as loop target:", lst)
for i, in [(1,), (2,)]:
    pass
print("single-element unpack target:", i)
it = iter(range(6))
for a in it:
    b = next(it)
    print("pair", a, b)
matrix = [[1, 2], [3, 4]]
for row in matrix:
    row[:] = [v * 10 for v in row]
print(matrix)
