def gen():
    x = yield
    while True:
        x = yield x * 2
g = gen(); next(g)
print([g.send(i) for i in range(4)])
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self):
        while self.n > 0:
            yield self.n
            self.n -= 1
print(list(Countdown(3)), sum(Countdown(4)), sorted(Countdown(3)), dict(zip("ab", Countdown(2))))
print(any(x > 2 for x in Countdown(3)), all(Countdown(3)), list(map(lambda x: -x, Countdown(2))))
print(list(enumerate(Countdown(2), start=1)), list(reversed(list(Countdown(3)))))
