# expect-error: builtins.ExceptionGroup
# Fetch a batch with gather(return_exceptions=True), retry the retryable
# failures in a second gather, report the rest through except* after a human
# review, and finally give up: the permanent failures are raised again as an
# ExceptionGroup that nobody catches; every step waits in try/except/finally.
import asyncio


class BatchFailed(Exception):
    pass


async def fetch(n, attempts):
    attempts[n] = attempts.get(n, 0) + 1
    result = await flaky_fetch(n)
    return result["cube"]


async def run_batch(numbers, attempts):
    outcomes = await asyncio.gather(*(fetch(n, attempts) for n in numbers), return_exceptions=True)
    return dict(zip(numbers, outcomes))


async def main():
    attempts, cubes = {}, {}
    numbers = [2, 3, 5, 7, 10, 14]
    outcomes = await run_batch(numbers, attempts)
    for round_no in (1, 2):
        retry = [n for n, o in outcomes.items() if isinstance(o, ToolError) and o.retryable]
        cubes.update({n: o for n, o in outcomes.items() if not isinstance(o, BaseException)})
        print(f"round {round_no}: ok={sorted(cubes)} retry={retry}")
        if not retry:
            break
        outcomes.update(await run_batch(retry, attempts))
    cubes.update({n: o for n, o in outcomes.items() if not isinstance(o, BaseException)})
    failures = [o for n, o in sorted(outcomes.items()) if isinstance(o, BaseException)]
    print("attempts:", sorted(attempts.items()), "cubes:", sorted(cubes.values()))
    try:
        if failures:
            raise ExceptionGroup(f"{len(failures)} fetches failed", failures)
    except* ToolError as group:
        codes = sorted(e.code for e in group.exceptions)
        decision = await request_review(f"Accept a batch missing {len(group.exceptions)} items with codes {codes}")
        print("partial batch:", decision, codes)
    try:
        total = sum(cubes.values())
        verdict = await request_review(f"Book a total of {total}")
        if verdict != "approved":
            raise BatchFailed(verdict)
    except BatchFailed as err:
        print("not booked:", err)
    else:
        print("booked:", total)
    finally:
        note = await ask_model(f"Summarize: batch of {len(numbers)} with {len(failures)} failures")
        print("note:", note)
    if failures and approval(f"Escalate {len(failures)} failures") == "approved":
        raise ExceptionGroup("unrecoverable fetches", [BatchFailed(str(e)) for e in failures])


asyncio.run(main())
