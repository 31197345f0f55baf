# Generators that share an iterator with their caller, and send() through
# yield from, stepped from hot loops.
def pairs(seq):
    it = iter(seq)
    for a in it:
        for b in it:
            yield a, b
            break
print(list(pairs(range(11))))
def inner():
    x = yield 1
    yield x * 2
def outer():
    r = yield from inner()
    yield r
for _ in range(20):
    o = outer()
    seen = [next(o), o.send(21), next(o, "end")]
print(seen)
