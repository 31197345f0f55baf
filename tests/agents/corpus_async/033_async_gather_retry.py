# Fetch four records concurrently with gather(return_exceptions=True), then
# retry the failures one at a time: each attempt waits for an approval and
# backs off with asyncio.sleep; a permanent failure gets a model's fallback.
import asyncio


async def fetch_with_retry(n, first_error):
    error, attempt = first_error, 1
    while error is not None and error.retryable and attempt < 4:
        decision = approval(f"Retry flaky_fetch({n}) after {error.code}, attempt {attempt + 1}")
        if decision != "approved":
            raise RuntimeError(f"retry of {n} refused")
        await asyncio.sleep(0.001 * attempt)
        attempt += 1
        try:
            return await flaky_fetch(n)
        except ToolError as err:
            error = err
    raise error


async def main():
    numbers = [2, 3, 7, 10]
    results = await asyncio.gather(*(flaky_fetch(n) for n in numbers), return_exceptions=True)
    print([type(r).__name__ for r in results])
    final = {}
    for n, result in zip(numbers, results):
        if not isinstance(result, BaseException):
            final[n] = result["cube"]
            continue
        try:
            final[n] = (await fetch_with_retry(n, result))["cube"]
        except ToolError as err:
            fallback = llm(f"Summarize: {err.message} with code {err.code}")
            print("fallback for", n, "->", fallback)
            final[n] = None
        finally:
            print("done with", n, "->", final.get(n))
    return final


final = asyncio.run(main())
print(final)
db_write([{"n": n, "cube": c} for n, c in sorted(final.items())], table="cubes")
