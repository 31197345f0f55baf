# Workers draft messages, then wait on an Event set by an approver task
# that waits for a human decision (a sync temporal wait inside a task);
# asyncio.timeout bounds the gate; a Lock guards the campaign's counters.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Campaign:
    gate: asyncio.Event = field(default_factory=asyncio.Event)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    decision: str = "pending"
    sent: list = field(default_factory=list)
    skipped: int = 0
    failed: list = field(default_factory=list)


async def approver(campaign, size):
    await asyncio.sleep(0.001)
    campaign.decision = approval(f"Launch the spring campaign to {size} users")
    campaign.gate.set()


async def worker(campaign, name):
    user = lookup_user(name)
    draft = await ask_model(f"Summarize: spring offer for {user['name']} in {user['team']}")
    async with asyncio.timeout(30):
        await campaign.gate.wait()
    async with campaign.lock:
        if campaign.decision != "approved":
            campaign.skipped += 1
            return
        try:
            receipt = send_email(user["email"], draft)
            campaign.sent.append((user["name"], receipt["status"]))
        except ToolError as err:
            campaign.failed.append(f"{user['name']}:{err.code}")


async def main():
    campaign = Campaign()
    names = ["ana", "ben", "cho", "dev"]
    async with asyncio.TaskGroup() as group:
        group.create_task(approver(campaign, len(names)))
        for name in names:
            group.create_task(worker(campaign, name))
    print(campaign.decision, sorted(campaign.sent), campaign.skipped, campaign.failed)


asyncio.run(main())
