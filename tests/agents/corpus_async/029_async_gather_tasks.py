# Draft replies to tickets with an async model client: asyncio.gather of
# coroutines, a create_task for the customer lookup, then approvals of the
# drafts between the async phases, and a print of dicts holding the results.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Draft:
    ticket: int
    subject: str
    text: str = ""
    tags: list = field(default_factory=list)


async def draft(client, row):
    d = Draft(row["id"], row["subject"])
    d.text = await client.complete(f"Summarize the ticket: {row['subject']}")
    d.tags.append("long" if len(d.text) > 60 else "short")
    return d


async def lookup(names):
    async with open_session("crm") as api:
        users = [await api.user(n) for n in names]
    return {u["name"]: u["team"] for u in users}


async def main():
    client = AsyncLLM(model="mini")
    rows = await query_rows("tickets", 0, 4)
    users_task = asyncio.create_task(lookup(["ana", "ben"]))
    drafts = await asyncio.gather(*(draft(client, r) for r in rows))
    teams = await users_task
    review = await asyncio.wait_for(reviewed(drafts[0]), timeout=30)
    return client.calls, drafts, {**teams, "review": review}


async def reviewed(d):
    verdict = await request_review(f"Template reply for ticket {d.ticket}")
    return {"ticket": d.ticket, "verdict": verdict, "n": len(await client_tags(d))}


async def client_tags(d):
    await asyncio.sleep(0)
    return d.tags


calls, drafts, teams = asyncio.run(main())
print("model calls:", calls, teams)
decided = {}
for d in drafts:
    decided[d.ticket] = approval(f"Send reply to ticket {d.ticket}: {d.text[:40]}")
print(decided)
print([{"ticket": d.ticket, "tags": d.tags, "ok": decided[d.ticket]} for d in drafts])
sent = [send_email("support@example.com", d.text) for d in drafts if decided[d.ticket] == "approved"]
print(len(sent), sent[-1])
