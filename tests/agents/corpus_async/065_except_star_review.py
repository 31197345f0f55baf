# expect-error: __main__.SyncIncomplete
# Validate users in a TaskGroup: every task does its I/O, then meets the
# others at a gate before it fails with a ToolError (unknown user) or a
# ValueError (bad address). The except* handlers wait for a review and the
# model; the script ends with its own error.
import asyncio


class SyncIncomplete(Exception):
    pass


class Gate:
    def __init__(self, parties):
        self.parties, self.arrived, self.opened = parties, 0, asyncio.Event()

    async def pass_through(self):
        self.arrived += 1
        if self.arrived == self.parties:
            self.opened.set()
        await self.opened.wait()


async def validate(name, gate, valid):
    problem = None
    try:
        async with open_session("directory") as api:
            user = await api.user(name)
        domain = user["email"].split("@")[1]
        if "." not in domain:
            problem = ValueError(f"{name}: address domain {domain!r} has no dot")
        else:
            valid[name] = await ask_model(f"Classify: user {name} of team {user['team']}")
    except ToolError as err:
        problem = err
    await gate.pass_through()
    if problem is not None:
        raise problem


async def main():
    names = ["ana", "ben", "cho", "dev", "eve", "fay"]
    valid, notes = {}, []
    try:
        async with asyncio.TaskGroup() as group:
            gate = Gate(len(names))
            for name in names:
                group.create_task(validate(name, gate, valid))
    except* ToolError as missing:
        codes = sorted(e.message for e in missing.exceptions)
        decision = await request_review(f"Drop {len(codes)} unknown users: {codes}")
        notes.append(("missing", len(codes), decision == "approved"))
    except* ValueError as invalid:
        reasons = sorted(str(e) for e in invalid.exceptions)
        notes.append(("invalid", reasons, llm(f"Summarize: invalid addresses {reasons}")[:30]))
    print("valid:", sorted(valid.items()))
    for note in notes:
        print(*note)
    raise SyncIncomplete(f"{len(valid)} of {len(names)} users are valid")


asyncio.run(main())
