# Request/response correlation with hand-made futures: callers register a
# loop.create_future() under a request id; a dispatcher task answers them
# (a human approval per request) and sets each future's result or exception.
import asyncio


class Dispatcher:
    def __init__(self):
        self.waiting = {}
        self.inbox = asyncio.Queue()

    async def request(self, rid, text):
        fut = asyncio.get_running_loop().create_future()
        self.waiting[rid] = fut
        await self.inbox.put((rid, text))
        return await fut

    async def run(self, expected):
        for _ in range(expected):
            rid, text = await self.inbox.get()
            fut = self.waiting.pop(rid)
            if "drop" in text.lower():
                fut.set_exception(PermissionError(f"request {rid} refused"))
                continue
            fut.set_result(approval(text))


async def main():
    d = Dispatcher()
    texts = {1: "Refund order 102", 2: "Drop the audit table", 3: "Extend the trial for Hooli"}
    runner = asyncio.create_task(d.run(len(texts)))
    answers = await asyncio.gather(*(d.request(rid, t) for rid, t in texts.items()), return_exceptions=True)
    await runner
    for rid, a in zip(texts, answers):
        print(rid, type(a).__name__ if isinstance(a, Exception) else a, str(a))
    print("left waiting:", d.waiting)
    print(await ask_model(f"Summarize: {sum(a == 'approved' for a in answers)} requests approved"))


asyncio.run(main())
