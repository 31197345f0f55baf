import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
async def chain(n):
    total = 0
    for i in range(n):
        total = await add(total, i)
        print("step", i, "total", total)
    return total
async def main():
    result = await chain(4)
    print("chain result", result)
    nested = await add(await add(1, 2), await add(3, 4))
    print("nested awaits", nested)
    coro = add(10, 20)
    print("not awaited yet")
    print("awaited later", await coro)
    return "main done"
print(asyncio.run(main()))
async def raises():
    await asyncio.sleep(0)
    raise ValueError("async failure")
async def catcher():
    try:
        await raises()
    except ValueError as e:
        print("caught in coroutine:", e)
    finally:
        print("async finally")
    return "recovered"
print(asyncio.run(catcher()))
class Service:
    def __init__(self, name):
        self.name = name
    async def fetch(self, key):
        await asyncio.sleep(0)
        return f"{self.name}:{key}"
async def use_methods():
    s = Service("svc")
    results = [await s.fetch(k) for k in "ab"]
    print(results)
asyncio.run(use_methods())
print(asyncio.run(add(2, 3)), asyncio.run(chain(2)))
