# Two asyncio.run phases with a human decision between them at module level:
# collect drafts concurrently, wait for approval, then deliver concurrently.
import asyncio
import json


async def draft(name):
    user = lookup_user(name)
    text = await ask_model(f"Summarize: quarterly note for {user['name']} in {user['team']}")
    return user["email"], text


async def collect(names):
    return dict(await asyncio.gather(*(draft(n) for n in names)))


async def deliver(drafts):
    async with open_session("mailer") as api:
        receipts = await asyncio.gather(*(api.post("/send", {"to": to, "chars": len(t)}) for to, t in sorted(drafts.items())))
    return [r["id"] for r in receipts]


drafts = asyncio.run(collect(["ana", "ben", "dev"]))
print(json.dumps({k: len(v) for k, v in drafts.items()}, sort_keys=True))
decision = approval(f"Deliver {len(drafts)} quarterly notes")
if decision == "approved":
    print("receipts:", asyncio.run(deliver(drafts)))
else:
    print("not delivered")
