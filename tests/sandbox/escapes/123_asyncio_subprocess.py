# asyncio runs processes.
import asyncio
async def main():
    proc = await asyncio.create_subprocess_exec("mkdir", SENTINEL)
    await proc.wait()
asyncio.run(main())
