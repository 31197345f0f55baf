# Fetch a batch with gather(return_exceptions=True) over a list
# comprehension, then retry the retryable failures with wait_for and an
# exponential backoff; a model summarizes what is left (sync wait in a coroutine).
import asyncio
import json


async def fetch_with_retry(n, attempts=4, base=0.002):
    delay = base
    for attempt in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(flaky_fetch(n), timeout=5)
        except ToolError as err:
            if not err.retryable or attempt == attempts:
                raise
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


async def main():
    numbers = list(range(1, 11))
    first = await asyncio.gather(*[flaky_fetch(n) for n in numbers], return_exceptions=True)
    ok = {n: r for n, r in zip(numbers, first) if not isinstance(r, BaseException)}
    failed = [n for n, r in zip(numbers, first) if isinstance(r, ToolError)]
    print("first pass:", sorted(ok), "failed:", failed)
    retryable = [n for n, r in zip(numbers, first) if isinstance(r, ToolError) and r.retryable]
    second = await asyncio.gather(*[fetch_with_retry(n) for n in retryable], return_exceptions=True)
    for n, r in zip(retryable, second):
        if isinstance(r, Exception):
            print("gave up on", n, type(r).__name__, r.code)
        else:
            ok[n] = r
    lost = sorted(set(numbers) - set(ok))
    summary = llm(f"Summarize: {len(ok)} items fetched, lost {lost}")
    print(summary)
    print(json.dumps({str(n): ok[n]["attempt"] for n in sorted(ok)}, sort_keys=True))
    print(sum(r["cube"] for r in ok.values()))


asyncio.run(main())
