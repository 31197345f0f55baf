import asyncio
class Res:
    async def __aenter__(self): print("open"); return self
    async def __aexit__(self, *a): print("close", a[0].__name__ if a[0] else None)
async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def boom(): raise ValueError("boom")
async def main():
    async with Res():
        print([i async for i in ticks(3)])
    print(await asyncio.gather(boom(), asyncio.sleep(0, "ok"), return_exceptions=True))
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0, r)) for r in "ab"])
    print(sorted(t.result() for t in done), len(pending))
    async for x in ticks(2): print("tick", x)
asyncio.run(main())
