# asyncio.to_thread runs a callable on a host thread.
import asyncio
async def main():
    await asyncio.to_thread(lambda: open(SENTINEL, "w").close())
asyncio.run(main())
