# Request-scoped logging with contextvars: the batch sets a request id (its
# token is kept across reviews and reset at the end), sync helpers run in a
# copied context with Context.run, the handler tasks inherit the batch's id
# and read it after their awaits, and the copied context is inspected after
# a wait.
import asyncio
import contextvars
import json

request_id = contextvars.ContextVar("request_id", default="-")
tenant = contextvars.ContextVar("tenant")


def log_line(message):
    return f"[{tenant.get('none')}/{request_id.get()}] {message}"


def tagged(rid, who):
    request_id.set(rid)
    tenant.set(who)
    return log_line("side job tagged")


async def handle(ticket, lines):
    label = await ask_model(f"Classify: {ticket['subject']}")
    if ticket["priority"] == 1:
        decision = await request_review(f"{log_line('page on-call')} for ticket {ticket['id']}")
    else:
        decision = "queued"
    lines.append(log_line(f"ticket {ticket['id']} {label} {decision}"))
    return ticket["id"], label, decision


async def main():
    lines = []
    print(log_line("starting"))
    token = tenant.set("acme")
    rid_token = request_id.set("batch-7")
    side = contextvars.copy_context()
    print(side.run(tagged, "side-1", "globex"))
    print(log_line("after side job"))
    go = await request_review(f"{log_line('run batch')} over the tickets")
    print("go:", go, "side sees:", side[request_id], side.get(tenant), request_id in side)
    tickets = await query_rows("tickets", 0, 5)
    results = await asyncio.gather(*(handle(t, lines) for t in tickets))
    for line in sorted(lines):
        print(line)
    print(json.dumps(sorted(results)))
    snapshot = {
        var.name: value for var, value in contextvars.copy_context().items() if var.name in ("tenant", "request_id")
    }
    print("context:", sorted(snapshot.items()))
    request_id.reset(rid_token)
    verdict = approval(f"{log_line('close batch')} of {len(results)} tickets")
    tenant.reset(token)
    print(log_line(f"closed {verdict}"), "side still:", side.run(log_line, "replay"))


asyncio.run(main())
