import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"

async def main():
    results = await asyncio.gather(fetch("a", 0.02), fetch("b", 0.01), fetch("c", 0))
    print(results)
    task = asyncio.create_task(fetch("d", 0))
    print(await task)
    try:
        await asyncio.wait_for(fetch("e", 1), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    return len(results)

print(asyncio.run(main()))
