# Fetch a batch with gather(return_exceptions=True) and sort the outcomes
# with match: answers, retryable ToolErrors and hard failures. A hot sieve
# picks the prime-numbered records; retryable ones wait for a review before
# they are retried one by one.
import asyncio
import json


def primes_below(limit):
    sieve = [True] * limit
    sieve[0] = sieve[1] = False
    for i in range(2, limit):
        if sieve[i]:
            for j in range(i * i, limit, i):
                sieve[j] = False
    return [i for i in range(limit) if sieve[i]]


async def main():
    numbers = list(range(1, 16))
    outcomes = await asyncio.gather(*(flaky_fetch(n) for n in numbers), return_exceptions=True)
    done, retry, dead = {}, [], []
    for n, outcome in zip(numbers, outcomes):
        match outcome:
            case {"cube": cube, "attempt": 1}:
                done[n] = cube
            case ToolError(code=code) if code >= 500:
                retry.append(n)
            case ToolError(code=code, message=message):
                dead.append((n, code, message))
            case _:
                print("unexpected", outcome)
    primes = set(primes_below(600))
    print("prime records:", sorted(n for n in done if n in primes))
    print("retry:", retry, "dead:", dead)
    for n in retry:
        if await request_review(f"Retry record {n}") != "approved":
            continue
        while True:
            try:
                rec = await flaky_fetch(n)
            except ToolError as err:
                print("still failing:", n, err.code)
                continue
            done[n] = rec["cube"]
            break
    print(json.dumps(done, sort_keys=True))
    print(await ask_model(f"Summarize: {len(done)} records, {len(dead)} dead, largest cube {max(done.values())}"))


asyncio.run(main())
