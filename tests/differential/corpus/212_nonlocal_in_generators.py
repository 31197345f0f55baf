def make_stream():
    produced = 0
    def stream(n):
        nonlocal produced
        for i in range(n):
            produced += 1
            yield i
    def count():
        return produced
    return stream, count
stream, count = make_stream()
print(list(stream(3)), count())
g = stream(5)
next(g)
next(g)
print(count())
print(list(g), count())
def outer():
    items = []
    def collector():
        while True:
            item = yield len(items)
            items.append(item)
    return collector, items
collector, items = outer()
c = collector()
next(c)
for word in ["a", "b", "c"]:
    print("size after send", c.send(word))
print(items)
def fib_with_state():
    a, b = 0, 1
    calls = 0
    def step():
        nonlocal a, b, calls
        calls += 1
        a, b = b, a + b
        return a
    def gen():
        while True:
            yield step()
    return gen(), (lambda: calls)
fib_gen, get_calls = fib_with_state()
print([next(fib_gen) for _ in range(10)], get_calls())
import asyncio
def async_counter():
    total = 0
    async def add(n):
        nonlocal total
        await asyncio.sleep(0)
        total += n
        return total
    async def run():
        return [await add(i) for i in range(1, 5)]
    return run, lambda: total
run, get_total = async_counter()
print(asyncio.run(run()), get_total())
