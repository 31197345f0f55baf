import asyncio
class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i
async def countdown(n):
    while n > 0:
        yield n
        await asyncio.sleep(0)
        n -= 1
async def main():
    async for t in Ticker(3):
        print("tick", t)
    async for c in countdown(3):
        print("countdown", c)
    squares = [x * x async for x in countdown(4)]
    print(squares)
    evens = [x async for x in Ticker(6) if x % 2 == 0]
    print(evens)
    total = 0
    async for v in countdown(5):
        if v == 2:
            break
        total += v
    else:
        print("not printed")
    print("total before break", total)
    async for v in Ticker(0):
        print("never")
    else:
        print("async for else ran")
    gen = countdown(2)
    print(await gen.__anext__(), await anext(gen), await anext(gen, "end"))
    lookup = {k: k * 2 async for k in Ticker(3)}
    print(lookup)
asyncio.run(main())
