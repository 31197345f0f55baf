# Start a background task that prefetches every user through the async API,
# wait for a human approval meanwhile, then await the task and mail the ones
# the approval covers.
import asyncio


async def prefetch(names):
    users = {}
    async with open_session("directory") as api:
        for name in names:
            users[name] = await api.user(name)
    return users


async def main():
    names = ["ana", "ben", "cho"]
    task = asyncio.create_task(prefetch(names))
    decision = approval("Email the sales team about the new pricing")
    print("decision:", decision)
    users = await task
    sales = sorted(u["email"] for u in users.values() if u["team"] == "sales")
    if decision == "approved":
        for email in sales:
            print(send_email(email, "New pricing is live"))
    print(sales)


asyncio.run(main())
