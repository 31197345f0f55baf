# Answers of temporal tools go straight into async host calls without being
# looked at first: a decision inside a posted payload, a completion as the
# prompt of the next model call, export rows counted by a gathered query.
import asyncio


async def record(api, ticket):
    decision = approval(f"Close ticket {ticket['id']}: {ticket['subject']}")
    receipt = await api.post("/tickets/close", {"ticket": ticket["id"], "decision": decision})
    return ticket["id"], receipt["id"], decision


async def main():
    tickets = export("tickets")
    async with open_session("helpdesk") as api:
        rows = await asyncio.gather(*(record(api, t) for t in tickets[:3]))
    for tid, rid, decision in rows:
        print(tid, rid, decision)
    plan = llm("Make a plan: close stale tickets")
    critique = await ask_model(plan)
    print(critique)
    pages = await asyncio.gather(query_rows("tickets", 0, len(tickets)), fetch_url(fetch_page_url()))
    print(len(pages[0]), pages[1].splitlines()[0])


def fetch_page_url():
    text = fetch_page("https://shop.example/pricing")
    return text.split()[-1]


asyncio.run(main())
