import asyncio
log = []
async def worker(name, steps):
    for i in range(steps):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return f"{name} finished {steps}"
async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 1))
    print(results)
    print(log)
    task = asyncio.create_task(worker("t", 2))
    print("task done before await?", task.done())
    print(await task, task.done())
    async def fail():
        await asyncio.sleep(0)
        raise KeyError("gathered failure")
    outcomes = await asyncio.gather(worker("x", 1), fail(), return_exceptions=True)
    print([repr(o) for o in outcomes])
    try:
        await asyncio.gather(fail(), worker("y", 1))
    except KeyError as e:
        print("gather raised", e)
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item * 10)
        return got
    _, consumed = await asyncio.gather(producer(), consumer())
    print("consumed", consumed)
    done = await asyncio.wait_for(worker("w", 1), timeout=5)
    print(done)
asyncio.run(main())
