# The agent mixes async tools with blocking ones: search and user lookups
# run in the default executor (loop.run_in_executor with functools.partial)
# and asyncio.to_thread, beside awaits of the model; a sync approval and an
# async review gate the emails, which are sent from a worker thread too.
import asyncio
import functools
from dataclasses import dataclass


@dataclass
class Lead:
    user: str
    email: str
    team: str
    hits: int = 0
    pitch: str = ""
    status: str = "new"


async def research(loop, lead, topic):
    results = await loop.run_in_executor(None, functools.partial(search, f"{topic} {lead.team}", limit=4))
    lead.hits = sum(1 for r in results if r["score"] > 0.7)
    lead.pitch = await ask_model(f"Summarize: pitch {topic} to the {lead.team} team of {lead.user}")
    return lead


async def load_leads(names):
    leads = []
    for name in names:
        try:
            user = await asyncio.to_thread(lookup_user, name)
        except ToolError as err:
            print("skip", name, err.code)
            continue
        leads.append(Lead(user["name"], user["email"], user["team"]))
    return leads


async def main():
    loop = asyncio.get_running_loop()
    leads = await load_leads(["ana", "zed", "dev", "cho", "ben"])
    topic = llm("Plan: export API launch").splitlines()[0].split(" ", 1)[1]
    print("topic:", topic)
    leads = await asyncio.gather(*(research(loop, lead, topic) for lead in leads))
    go = approval(f"Email {len(leads)} leads about {topic}")
    for lead in leads:
        if go != "approved":
            lead.status = "held"
            continue
        review = await request_review(f"Send pitch to {lead.user} ({lead.hits} hits)")
        if review != "approved":
            lead.status = "vetoed"
            continue
        try:
            sent = await asyncio.to_thread(send_email, lead.email, lead.pitch)
            lead.status = sent["status"]
        except ToolError as err:
            lead.status = f"bounced {err.code}"
    for lead in sorted(leads, key=lambda l: l.user):
        print(f"{lead.user:<4} {lead.team:<6} hits={lead.hits} {lead.status:<12} {lead.pitch[:40]}")
    written = await loop.run_in_executor(None, db_write, [{"user": l.user, "status": l.status} for l in leads], "leads")
    print("written:", written)


asyncio.run(main())
