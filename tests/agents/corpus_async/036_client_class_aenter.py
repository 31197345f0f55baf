# An async CRM client class wrapping a session: __aenter__/__aexit__ open and
# close it, its methods await the service, and one method waits for a human
# approval before posting (a sync temporal wait inside an async method).
import asyncio
from dataclasses import dataclass, field


@dataclass
class Outcome:
    name: str
    email: str
    posted: bool
    note: str = ""


@dataclass
class CrmClient:
    service: str
    session: object = None
    log: list = field(default_factory=list)

    async def __aenter__(self):
        self.session = open_session(self.service)
        await self.session.__aenter__()
        self.log.append("open")
        return self

    async def __aexit__(self, kind, error, tb):
        self.log.append(f"close:{kind.__name__ if kind else None}")
        await self.session.__aexit__(kind, error, tb)
        return False

    async def profile(self, name):
        user = await self.session.user(name)
        return user

    async def notify(self, name, message):
        user = await self.profile(name)
        decision = approval(f"Post a note for {user['email']}: {message}")
        if decision != "approved":
            return Outcome(name, user["email"], False, decision)
        receipt = await self.session.post("/notes", {"to": user["email"], "text": message})
        return Outcome(name, user["email"], receipt["ok"], f"id={receipt['id']}")


async def main():
    async with CrmClient("crm") as crm:
        results = []
        for name, message in [("ana", "renewal due"), ("ben", "delete old leads"), ("cho", "board pack ready")]:
            results.append(await crm.notify(name, message))
        try:
            await crm.profile("zed")
        except ToolError as err:
            print("lookup failed:", err.code)
    for r in results:
        print(r)
    print(crm.log, crm.session.requests, crm.session.token)


asyncio.run(main())
