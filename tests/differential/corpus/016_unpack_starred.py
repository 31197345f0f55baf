first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
a, *mid, z = "abcdef"
print(a, mid, z)
a, *mid, z = [1, 2]
print(a, mid, z)
head, *tail = (9,)
print(head, tail)
(x, *ys), *others = [1, 2, 3], [4], [5]
print(x, ys, others)
for h, *t in [(1, 2, 3), (4,), (5, 6)]:
    print(h, t)
print([*range(3), *"ab"], (*[1], *{2: 0}), {*[1, 1, 2]})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"k": 1}, **{"j": 2}))
print(f(0, *[], **{}))
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
numbers = [5, 3, 8]
print(*numbers)
print(*numbers, sep="-")
print(*"hey", sep="|")
values = [*map(str, numbers), *(n * 2 for n in numbers)]
print(values)
*_, final = numbers
print(final)
