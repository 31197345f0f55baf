data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print(f"list has {n} elements")
total = 0
index = 0
while (value := data[index]) < 20:
    total += value
    index += 1
print("stopped at", value, "total", total)
print([(x, root) for x in range(30) if (root := int(x ** 0.5)) ** 2 == x])
print(root)
def process(items):
    results = []
    for item in items:
        if (cleaned := item.strip()) and (upper := cleaned.upper()) != "SKIP":
            results.append(upper)
    return results
print(process(["  a ", "", "skip", " b"]))
print((y := 5) * 2, y)
def fib_upto(limit):
    a, b = 0, 1
    out = []
    while (nxt := a) <= limit:
        out.append(nxt)
        a, b = b, a + b
    return out
print(fib_upto(50))
values = {"a": 1, "b": None}
for key in ["a", "b", "c"]:
    if (v := values.get(key)) is not None:
        print("found", key, v)
    else:
        print("missing or None", key)
print(any((hit := x) > 10 for x in data), hit)
print(all((last_small := x) < 20 for x in data), last_small)
f = lambda: (z := 10) + z
print(f())
def g():
    [w := i for i in range(3)]
    return w
print(g())
print(sum(vals := [1, 2, 3]), vals)
print(f"{(q := 7) * 3} {q}")
