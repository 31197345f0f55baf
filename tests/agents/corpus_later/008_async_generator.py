# Consume the ops queue with an async generator under asyncio.run.
import asyncio


async def tasks(queue):
    while True:
        task = next_task(queue)
        if task is None:
            return
        await asyncio.sleep(0)
        yield task


async def main():
    done = []
    async for task in tasks("ops"):
        decision = approval(f"Run {task['kind']} on {task['payload']['service']}")
        done.append((task["id"], decision))
    print(done)


asyncio.run(main())
