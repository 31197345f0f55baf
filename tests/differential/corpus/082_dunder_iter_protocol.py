class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
r = Range2(9)
print(list(r), list(r), sum(r), max(r))
for a, b in zip(Countdown(3), Range2(10)):
    print(a, b)
it = iter(Range2(5))
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
class Pairs:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(zip(self.data, self.data[1:]))
print(list(Pairs([1, 2, 3, 4])), dict(Pairs("abc")))
calls = iter([3, 2, 1, 0, 5]).__next__
print(list(iter(calls, 0)))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, f in enumerate(Fib()):
    if i >= 10:
        break
    print(f, end=" ")
print()
x, y, z = Countdown(3)
print(x, y, z, *Countdown(2))
