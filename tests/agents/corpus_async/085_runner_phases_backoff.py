# An agent run in phases on one asyncio.Runner (one event loop kept across
# runner.run() calls): phase 1 fetches with retries and exponential backoff
# (asyncio.sleep of a few ms) under asyncio.timeout, rescheduled once it is
# known how many retries remain; between the phases a sync approval decides
# what phase 2 does; phase 2 drains an asyncio.Queue filled in phase 1 with
# as_completed over the model calls; an asyncio.Event set in phase 1 is
# still set in phase 3, which waits for a review of the totals.
import asyncio


async def with_backoff(n, log, base=0.002):
    delay = base
    for attempt in range(1, 5):
        try:
            result = await flaky_fetch(n)
            log.append((n, attempt, "ok"))
            return result
        except ToolError as err:
            log.append((n, attempt, err.code))
            if not err.retryable:
                raise
            await asyncio.sleep(delay)
            delay *= 2
    raise ToolError(f"gave up on {n}", tool="backoff", code=503)


async def phase1(state):
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 10)
        results = await asyncio.gather(*(with_backoff(n, state["log"]) for n in (2, 3, 5, 7, 10)), return_exceptions=True)
    for n, r in zip((2, 3, 5, 7, 10), results):
        if isinstance(r, dict):
            await state["queue"].put((n, r["cube"], r["attempt"]))
        else:
            state["failed"].append((n, type(r).__name__, r.code))
    codes = sorted(code for _, _, code in state["failed"])
    state["drop"] = await request_review(f"Drop {len(codes)} failed fetches with codes {codes}")
    state["ready"].set()
    return state["queue"].qsize(), cm.expired()


async def phase2(state, mode):
    async def label(n, cube):
        text = await ask_model(f"Classify: cube {cube} of {n} in {mode} mode")
        return n, text

    jobs = []
    while not state["queue"].empty():
        n, cube, attempt = state["queue"].get_nowait()
        jobs.append(label(n, cube))
    labels = {}
    for fut in asyncio.as_completed(jobs):
        n, text = await fut
        labels[n] = text
        if text == "bug":
            labels[n] += ":" + await request_review(f"File a bug for cube {n}")
    return dict(sorted(labels.items()))


async def phase3(state, labels):
    await asyncio.wait_for(state["ready"].wait(), timeout=5)
    total = sum(n ** 3 for n in labels)
    verdict = await request_review(f"Book the {len(labels)} labelled cubes totalling {total}")
    return total, verdict


with asyncio.Runner() as runner:
    state = {"queue": asyncio.Queue(), "ready": asyncio.Event(), "log": [], "failed": []}
    queued, expired = runner.run(phase1(state))
    print("phase 1:", queued, "queued, expired:", expired, "failed:", state["failed"], "drop:", state["drop"])
    print("attempts:", sorted(state["log"]))
    mode = "full" if approval(f"Label {queued} results with the model") == "approved" else "dry"
    labels = runner.run(phase2(state, mode))
    print("phase 2:", mode, labels, "queue empty:", state["queue"].empty())
    total, verdict = runner.run(phase3(state, labels))
    print("phase 3:", total, verdict, state["ready"].is_set())
    loop = runner.get_loop()
    print("same loop:", loop is runner.get_loop(), loop.is_closed())
print("closed after:", loop.is_closed())
