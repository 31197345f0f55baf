# An approvals desk: an async dispatcher class uses functools.
# singledispatchmethod to pick a coroutine per request type (NamedTuple,
# dataclass, str); clerks wait on an asyncio.Condition whose wait_for
# predicate itself waits for a sync approval the first time it sees a batch;
# asyncio.wait(timeout=10) collects them, one failing; validators in a
# TaskGroup fail in the same loop turn and their errors are sorted with
# except* (a review in one handler); last, an ExceptionGroup is split by a
# predicate that asks the model.
import asyncio
import functools
from dataclasses import dataclass
from typing import NamedTuple


class Refund(NamedTuple):
    order: int
    amount: str


@dataclass
class Access:
    user: str
    system: str


class Desk:
    def __init__(self):
        self.cond = asyncio.Condition()
        self.batch, self.opened, self.done = [], set(), []

    @functools.singledispatchmethod
    async def handle(self, req):
        raise TypeError(f"cannot handle {type(req).__name__}")

    @handle.register
    async def _(self, req: Refund):
        return f"refund {req.order}: " + await request_review(f"Refund {req.amount} for order {req.order}")

    @handle.register
    async def _(self, req: Access):
        async with open_session("iam") as api:
            return f"access {req.user}@{req.system}: {(await api.user(req.user))['team']}"

    @handle.register
    async def _(self, req: str):
        return f"note: {await ask_model(f'Classify: {req}')}"

    def batch_ready(self):
        key = len(self.batch)
        if key and key not in self.opened:
            if approval(f"Open a batch of {key} requests") == "approved":
                self.opened.add(key)
        return key in self.opened

    async def clerk(self, name):
        async with self.cond:
            await self.cond.wait_for(self.batch_ready)
            req = self.batch.pop(0)
        result = await self.handle(req)
        self.done.append((name, result))
        return result


async def validate(row):
    await asyncio.sleep(0)
    if row["status"] == "disputed":
        raise TypeError(f"order {row['id']} is disputed")
    if row["status"] != "paid":
        raise ToolError(f"order {row['id']} is {row['status']}", code=409)
    return row["id"]


async def main():
    desk = Desk()
    clerks = [asyncio.create_task(desk.clerk(f"c{i}"), name=f"c{i}") for i in range(4)]
    await asyncio.sleep(0)
    async with desk.cond:
        desk.batch.extend([Refund(104, "420.00"), Access("ana", "crm"), "printer jam on floor 2", 3.5])
        desk.cond.notify_all()
    done, pending = await asyncio.wait(clerks, timeout=10)
    failed = sorted(str(t.exception()) for t in done if not t.cancelled() and t.exception())
    print("done:", len(done) + len(pending), "failed:", failed, "opened:", sorted(desk.opened))
    print(*sorted(r for _, r in desk.done), sep="\n")

    errors = []
    try:
        async with asyncio.TaskGroup() as tg:
            for row in await query_rows("orders", 2, 4):
                tg.create_task(validate(row))
    except* ToolError as group:
        errors.extend(sorted(e.code for e in group.exceptions))
        print("tool errors:", errors, await request_review(f"Accept {len(errors)} tool errors"))
    except* TypeError as group:
        print("type errors:", [str(e) for e in group.exceptions])
    eg = ExceptionGroup("batch", [ToolError("slow", code=503), ToolError("gone", code=404), ValueError("bad amount")])
    retry, rest = eg.split(lambda e: isinstance(e, ToolError) and llm(f"Answer yes or no: retry {e.message}") == "yes")
    print("retry:", retry and [e.message for e in retry.exceptions], "rest:", rest and [str(e) for e in rest.exceptions])


asyncio.run(main())
