import asyncio

async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
    await queue.put(None)

async def consumer(queue, results):
    while (item := await queue.get()) is not None:
        results.append(item * item)

async def main():
    queue = asyncio.Queue()
    results = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, 5))
        tg.create_task(consumer(queue, results))
    print(results)
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    event = asyncio.Event()
    asyncio.get_running_loop().call_soon(event.set)
    await event.wait()
    print("event set", event.is_set())

asyncio.run(main())
