# Generators stepped by `for` and `yield from` in tier 1: yields, returns,
# exceptions inside and out, finally blocks, early breaks, closes.
log = []

def numbers(n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append(("numbers done", n))

def guarded(n):
    for i in range(n):
        try:
            if i == 3:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield ("caught", e.args[0])

def relay(n):
    got = yield from numbers(n)
    yield ("relay end", got)
    return n

def fails(n):
    for i in range(n):
        if i == 5:
            raise ValueError("five")
        yield i

totals = []
for k in range(30):
    totals.append(sum(x for x in numbers(k)))
print(totals[-5:], len(log))
print(list(guarded(6)) * 2)
print([v for k in range(20) for v in relay(k)][-4:])
for k in range(25):
    try:
        items = [x for x in fails(k)]
    except ValueError as e:
        items = str(e)
print(items)
for k in range(25):
    for x in numbers(10):
        if x == 2:
            break
print(log[-3:])
g = numbers(5)
print(next(g), next(g))
g.close()
print(log[-1])
