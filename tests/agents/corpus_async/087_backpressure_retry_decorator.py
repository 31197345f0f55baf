# A bounded pipeline: a producer feeds an asyncio.Queue(maxsize=2) (so it
# blocks on put while the consumers are busy), two consumers call a tool
# through a @retry decorator (functools.wraps, exponential backoff with a
# seeded random.Random jitter of a few ms) and wait for a review of large
# results; a None sentinel per consumer ends them; afterwards as_completed
# with a generous timeout labels the results, an async comprehension with a
# walrus filters them, and a review gates the summary.
import asyncio
import functools
import random

JITTER = random.Random(42)


def retry(times=4, base=0.001):
    def deco(fn):
        @functools.wraps(fn)
        async def wrapper(*args):
            delay = base
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args), attempt
                except ToolError as err:
                    if not err.retryable or attempt == times:
                        raise
                    await asyncio.sleep(delay + JITTER.random() / 1000)
                    delay *= 2

        wrapper.retries = times
        return wrapper

    return deco


@retry()
async def cube(n):
    return (await flaky_fetch(n))["cube"]


async def producer(queue, numbers, consumers):
    for n in numbers:
        await queue.put(n)
    for _ in range(consumers):
        await queue.put(None)


async def consumer(queue, results, errors):
    while (n := await queue.get()) is not None:
        try:
            value, attempts = await cube(n)
        except ToolError as err:
            errors[n] = err.code
            continue
        if value > 500:
            verdict = await request_review(f"Keep the large cube {value} of {n}")
            if verdict != "approved":
                continue
        results[n] = (value, attempts)


async def label(n, value):
    return n, await ask_model(f"Classify: the cube {value}")


async def main():
    queue, results, errors = asyncio.Queue(maxsize=2), {}, {}
    numbers = [1, 2, 3, 5, 7, 9, 10, 11]
    await asyncio.gather(producer(queue, numbers, 2), consumer(queue, results, errors), consumer(queue, results, errors))
    print(cube.__name__, cube.retries, "results:", sorted(results.items()), "errors:", sorted(errors.items()))
    labels = {}
    for fut in asyncio.as_completed([label(n, v) for n, (v, _) in sorted(results.items())], timeout=10):
        n, text = await fut
        labels[n] = text

    async def labelled():
        for n in sorted(labels):
            await asyncio.sleep(0)
            yield n, labels[n]

    bugs = [n async for n, text in labelled() if (short := text[:3]) in ("bug", "fea")]
    print("labels:", dict(sorted(labels.items())), "bugs/features:", bugs, short)
    gate = await request_review(f"Publish {len(results)} cubes with {len(errors)} errors")
    print("publish:", gate, "queue empty:", queue.empty(), "jitter next:", round(JITTER.random(), 6))


asyncio.run(main())
