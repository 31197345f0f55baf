# The event loop's run_in_executor runs a callable on a host thread.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, lambda: open(SENTINEL, "w").close())
asyncio.run(main())
