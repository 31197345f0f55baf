import asyncio
class Timeout(Exception):
    pass
async def step(name, fail=False):
    await asyncio.sleep(0)
    if fail:
        raise Timeout(f"{name} timed out")
    return name
async def with_retries(name, failures):
    for attempt in range(1, 4):
        try:
            result = await step(name, fail=attempt <= failures)
            print(f"{name} succeeded on attempt {attempt}")
            return result
        except Timeout as e:
            print(f"attempt {attempt}: {e}")
    raise Timeout(f"{name} gave up")
async def main():
    print(await with_retries("a", 1))
    try:
        await with_retries("b", 5)
    except Timeout as e:
        print("final:", e)
    async def chained():
        try:
            await step("inner", fail=True)
        except Timeout as e:
            raise RuntimeError("wrapped") from e
    try:
        await chained()
    except RuntimeError as e:
        print(e, "<-", e.__cause__)
    async def group():
        results = await asyncio.gather(step("x", True), step("y"), return_exceptions=True)
        errors = [r for r in results if isinstance(r, Exception)]
        if errors:
            raise ExceptionGroup("async group", errors)
    try:
        await group()
    except* Timeout as eg:
        print("except* in async:", [str(e) for e in eg.exceptions])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    return "done"
print(asyncio.run(main()))
