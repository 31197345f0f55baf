def show(*args, **kwargs):
    print("args", args, "kwargs", sorted(kwargs.items()))
show()
show(1, 2)
show(*range(3))
show(*"ab", *[1], 9)
show(a=1, **{"b": 2})
opts = {"sep": "/", "end": "!\n"}
print("x", "y", **opts)
def pos(a, b, c=3):
    return a + b + c
print(pos(*[1, 2]))
print(pos(*[1], **{"b": 5}))
print(pos(**{"a": 1, "b": 1, "c": 1}))
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    pos(1, *[2, 3, 4])
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
lists = [[1, 2], [3], []]
flat = [*lists[0], *lists[1], *lists[2]]
print(flat)
print((*flat,), [*{"k": 1, "j": 2}], {*()} == set())
gen = (c.upper() for c in "abc")
print(*gen)
print(max(*[4, 9, 2]), min(*"zebra"))
