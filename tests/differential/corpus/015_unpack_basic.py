a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
i = j = k = 0
print(i, j, k)
first, second = {"k1": 1, "k2": 2}
print(first, second)
for key, value in {"a": 1, "b": 2}.items():
    print(key, value)
for idx, (left, right) in enumerate([(1, 2), (3, 4)]):
    print(idx, left, right)
def pair():
    return "L", "R"
l, r2 = pair()
print(l, r2)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
g = (n * n for n in range(3))
u, v, w = g
print(u, v, w)
lst = [0, 0]
lst[0], lst[1] = "first", "second"
print(lst)
