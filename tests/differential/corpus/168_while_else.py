n = 0
while n < 3:
    print("loop", n)
    n += 1
else:
    print("else after normal exit, n =", n)
n = 0
while n < 10:
    if n == 2:
        print("breaking at", n)
        break
    n += 1
else:
    print("not printed")
while False:
    print("never")
else:
    print("else runs even if body never runs")
def find_divisor(num):
    d = 2
    while d * d <= num:
        if num % d == 0:
            return d
        d += 1
    else:
        return None
print([(x, find_divisor(x)) for x in [7, 12, 25, 29]])
count = 0
while True:
    count += 1
    if count % 2:
        continue
    if count > 6:
        break
    print("even count", count)
print("final count", count)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
else:
    print("stack drained")
i = 0
while (i := i + 1) < 4:
    pass
print("walrus while ended at", i)
def nested_while():
    outer = 0
    result = []
    while outer < 3:
        inner = 0
        while inner < 3:
            if inner == outer:
                break
            result.append((outer, inner))
            inner += 1
        else:
            result.append("inner-else")
        outer += 1
    return result
print(nested_while())
