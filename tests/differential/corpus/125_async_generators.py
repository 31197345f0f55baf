import asyncio
async def numbers(limit):
    try:
        for i in range(limit):
            received = yield i
            if received:
                print("async gen received", received)
    finally:
        print("numbers cleanup")
async def pipeline(source):
    async for n in source:
        if n % 2 == 0:
            yield n * 100
async def main():
    print([v async for v in pipeline(numbers(6))])
    g = numbers(5)
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.__anext__())
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed generator is exhausted")
    async def failing():
        yield 1
        raise ValueError("async gen error")
    collected = []
    try:
        async for v in failing():
            collected.append(v)
    except ValueError as e:
        print("caught", e, collected)
    async def thrower():
        try:
            yield "first"
        except KeyError as e:
            print("thrower handled", e)
            yield "after throw"
    t = thrower()
    print(await t.__anext__())
    print(await t.athrow(KeyError("k")))
    print("done")
asyncio.run(main())
