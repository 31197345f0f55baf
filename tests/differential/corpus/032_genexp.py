g = (n * 2 for n in range(5))
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(n * n for n in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(n > 3 for n in [1, 2, 5]), all(n > 0 for n in [1, -1]))
print(tuple(c for c in "abc"), set(x % 2 for x in range(4)) == {0, 1})
print(", ".join(str(n) for n in range(4)))
trace = []
def source():
    for i in range(3):
        trace.append(f"produce {i}")
        yield i
lazy = (x * 10 for x in source())
trace.append("created")
for value in lazy:
    trace.append(f"consume {value}")
print(trace)
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
it = iter([1, 2, 3])
doubled = (x * 2 for x in it)
print(next(doubled), list(it), list(doubled))
try:
    bad = (1 / x for x in [1, 0])
    print(next(bad))
    print(next(bad))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(sorted((x for x in "hello"), reverse=True))
print(dict((k, len(k)) for k in ["aa", "b"]))
print(sum(1 for _ in filter(None, [0, 1, 2, "", "x"])))
