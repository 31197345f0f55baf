# A planner task waits for a human go-ahead, fills a shared draft list under
# a Condition and wakes the writer tasks, then sets an Event an announcer
# task waits on.
import asyncio


class Board:
    def __init__(self):
        self.go = asyncio.Event()
        self.cond = asyncio.Condition()
        self.drafts = []
        self.closed = False


async def planner(board, topic):
    await asyncio.sleep(0)
    plan = llm(f"Make a plan: {topic}")
    decision = approval(f"Start the plan for {topic}")
    steps = plan.splitlines() if decision == "approved" else []
    async with board.cond:
        board.drafts.extend(steps)
        board.closed = True
        board.cond.notify_all()
    board.go.set()
    return len(steps)


async def writer(board, written):
    while True:
        async with board.cond:
            await board.cond.wait_for(lambda: board.drafts or board.closed)
            if not board.drafts:
                return
            step = board.drafts.pop(0)
        text = await ask_model(f"Summarize: {step}")
        written.append((step, text))


async def announcer(board, notes):
    await board.go.wait()
    notes.append(await ask_model("Summarize: the writers have been released"))


async def main():
    board = Board()
    written = []
    notes = []
    n, *_ = await asyncio.gather(
        planner(board, "quarterly newsletter"),
        writer(board, written),
        writer(board, written),
        announcer(board, notes),
    )
    print("notes:", notes)
    print("steps planned:", n)
    for step, text in sorted(written):
        print(step, "=>", text)
    print("all written:", len(written) == n, "go set:", board.go.is_set())


asyncio.run(main())
