# Each handler task tags its work with a request id in a ContextVar (as
# logging setups and tracing libraries do); the id must stay in its task
# across the awaits and the approval it waits for.
import asyncio
import contextvars
from dataclasses import dataclass

request_id = contextvars.ContextVar("request_id", default="-")


@dataclass
class Handled:
    ticket: int
    request: str
    label: str
    decision: str


async def handle(ticket):
    request_id.set(f"req-{ticket['id']}")
    label = await ask_model(f"Classify: {ticket['subject']}")
    decision = approval(f"[{request_id.get()}] Route ticket {ticket['id']} as {label}")
    await asyncio.sleep(0)
    return Handled(ticket["id"], request_id.get(), label, decision)


async def main():
    request_id.set("batch-1")
    tickets = await query_rows("tickets", 0, 4)
    handled = await asyncio.gather(*[asyncio.create_task(handle(t)) for t in tickets])
    for h in sorted(handled, key=lambda h: h.ticket):
        print(h)
    print("main still", request_id.get())


asyncio.run(main())
