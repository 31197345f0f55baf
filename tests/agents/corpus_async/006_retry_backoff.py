# Call a flaky async service with retries and exponential backoff (real
# asyncio.sleep), then wait for approval at top level to store the results.
import asyncio


class GiveUp(Exception):
    pass


async def with_retries(n, attempts=3, base=0.01):
    delays = []
    for attempt in range(attempts):
        try:
            return await flaky_fetch(n), delays
        except ToolError as error:
            if error.code < 500:
                raise GiveUp(f"item {n}: {error.message}") from error
            delay = base * 2**attempt
            delays.append(delay)
            await asyncio.sleep(delay)
    raise GiveUp(f"item {n}: still failing after {attempts} attempts")


results, problems = [], []
for n in (2, 3, 5, 7, 10):
    try:
        value, delays = await with_retries(n)
        results.append({"n": n, "cube": value["cube"], "attempts": value["attempt"], "waited": sum(delays)})
    except GiveUp as error:
        problems.append(f"{error} ({type(error.__cause__).__name__})")

print(results)
print(problems)
decision = approval(f"Store {len(results)} results, skip {len(problems)} items")
if decision == "approved":
    print("stored", db_write(results, table="cubes"))
