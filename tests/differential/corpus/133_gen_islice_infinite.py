import itertools
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(itertools.islice(primes(), 15)))
print(list(itertools.islice(naturals(), 5, 20, 4)))
print(list(itertools.takewhile(lambda x: x * x < 50, naturals())))
print(list(itertools.islice(itertools.dropwhile(lambda x: x < 10, naturals()), 3)))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(5)])
cycler = itertools.cycle("abc")
print("".join(next(cycler) for _ in range(8)))
counter = itertools.count(10, 5)
print([next(counter) for _ in range(4)])
print(list(itertools.islice(itertools.repeat("r"), 3)), list(itertools.repeat(0, 2)))
def collatz(n):
    while True:
        yield n
        if n == 1:
            return
        n = n // 2 if n % 2 == 0 else 3 * n + 1
print(list(collatz(27))[:10], len(list(collatz(27))))
pairs = zip(naturals(), "xyz")
print(list(pairs))
def windowed(it, size):
    window = []
    for x in it:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            window.pop(0)
print(list(itertools.islice(windowed(naturals(), 3), 4)))
first_big = next(n for n in naturals() if n * n > 500)
print(first_big)
