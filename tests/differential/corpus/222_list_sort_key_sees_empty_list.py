# list.sort(key=...) empties the list while the keys are computed, drops what the keys add, and then fails.
xs = [3, 2, 1]


def key(v):
    print(len(xs))
    xs.append(99)
    return v


try:
    xs.sort(key=key)
except ValueError as e:
    print("error:", e)
print(xs)

ys = [5, 1, 4]
ys.sort(key=lambda v: -v)
print(ys)


def bad(v):
    if v == 1:
        raise KeyError(v)
    return v


zs = [4, 1, 3]
try:
    zs.sort(key=bad)
except KeyError as e:
    print("key failed", e, zs)
