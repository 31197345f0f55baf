# expect-error: __main__.SyncAborted
# A TaskGroup syncs users; every task finishes its I/O and meets the others
# at a barrier before it reports a failed lookup (ToolError) or a model
# answer its validation rejects (ValueError); except* handlers wait for a
# human and for the model, then the script aborts with its own error.
import asyncio
import json


class SyncAborted(Exception):
    pass


class Barrier:
    def __init__(self, parties):
        self.parties, self.arrived, self.event = parties, 0, asyncio.Event()

    async def wait(self):
        self.arrived += 1
        if self.arrived == self.parties:
            self.event.set()
        await self.event.wait()


async def sync_user(name, synced, barrier):
    failure, data = None, None
    try:
        async with open_session("directory") as api:
            user = await api.user(name)
        data = json.loads(await ask_model(f"Return JSON for user {user['name']} of team {user['team']}"))
    except ToolError as err:
        failure = err
    await barrier.wait()
    if failure is not None:
        raise failure
    if data["priority"] > 3:
        raise ValueError(f"priority {data['priority']} too high for {name}")
    synced[name] = data["sentiment"]


async def main():
    synced, notes = {}, []
    names = ("ana", "ben", "cho", "dev", "eve")
    barrier = Barrier(len(names))
    try:
        async with asyncio.TaskGroup() as group:
            for name in names:
                group.create_task(sync_user(name, synced, barrier))
    except* ToolError as tool_errors:
        codes = sorted(e.code for e in tool_errors.exceptions)
        notes.append(approval(f"Skip {len(codes)} missing users ({codes})"))
    except* ValueError as bad:
        reasons = sorted(str(e) for e in bad.exceptions)
        notes.append(llm(f"Summarize: rejected {reasons}"))
    print("synced:", sorted(synced.items()))
    print("notes:", notes)
    raise SyncAborted(f"{len(synced)} of {len(names)} users synced")


asyncio.run(main())
