# Fetch several numbered records in a TaskGroup; one of them (14) is not
# supported and fails the group once the others have finished. except*
# collects the ToolErrors, a human approves a partial run, and the
# successful results are kept.
import asyncio


class Tracker:
    def __init__(self, expected):
        self.expected = expected
        self.finished = 0
        self.all_done = asyncio.Event()

    def mark(self):
        self.finished += 1
        if self.finished == self.expected:
            self.all_done.set()


async def fetch_record(n, done, tracker):
    if n % 7 == 0:
        await tracker.all_done.wait()
    rec = await flaky_fetch(n)
    note = await ask_model(f"Summarize: record {n} with cube {rec['cube']}")
    done[n] = note
    tracker.mark()
    return rec


async def main():
    done = {}
    failures = []
    numbers = (1, 2, 14, 4)
    tracker = Tracker(expected=3)
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = {n: tg.create_task(fetch_record(n, done, tracker)) for n in numbers}
    except* ToolError as group:
        for err in group.exceptions:
            failures.append((err.tool, err.code, err.message))
    except* ValueError:
        print("unexpected ValueError")
    failures.sort()
    print("failures:", failures)
    print("completed:", sorted(done))
    decision = approval(f"Accept partial sync with {len(failures)} failure(s)")
    print("partial sync", decision)
    errored = sorted(n for n, t in tasks.items() if not t.cancelled() and t.exception() is not None)
    results = {n: t.result()["cube"] for n, t in tasks.items() if n not in errored}
    print("errored:", errored, "results:", results)
    if decision == "approved":
        summary = llm(f"Summarize: sync finished with errors {errored} and {len(results)} records")
        print(summary)
        for n in sorted(done):
            print(n, done[n])


asyncio.run(main())
