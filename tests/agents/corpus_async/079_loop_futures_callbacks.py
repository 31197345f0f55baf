# A dispatcher hands out loop.create_future() slots that worker tasks fill
# with set_result/set_exception; done callbacks tally them, call_soon and
# call_later schedule follow-ups, tasks are named with set_name and read
# their own name through current_task(); a human reviews the failures and
# the totals while futures are still unresolved.
import asyncio
from collections import Counter

tally = Counter()
events = []


def on_done(fut):
    tally["failed" if fut.exception() else "ok"] += 1


async def worker(slots, table):
    me = asyncio.current_task()
    me.set_name(f"worker-{table}")
    offset = 0
    while offset < 9:
        rows = await query_rows(table, offset, 3)
        slot = slots.pop(0)
        if rows:
            slot.set_result((me.get_name(), len(rows), rows[0].get("id", rows[0].get("number"))))
        elif await request_review(f"Mark {table} as short at row {offset}") == "approved":
            slot.set_exception(LookupError(f"{me.get_name()} ran out at {offset}"))
        else:
            slot.set_result(None)
        offset += 3
    return me.get_name()


async def main():
    loop = asyncio.get_running_loop()
    slots = {}
    for table in ("orders", "invoices", "customers"):
        slots[table] = [loop.create_future() for _ in range(3)]
        for fut in slots[table]:
            fut.add_done_callback(on_done)
    loop.call_soon(events.append, "dispatched")
    loop.call_later(0.005, events.append, "timer fired")
    firsts = [slots[t][0] for t in slots]
    keep = list(slots["invoices"])
    workers = [asyncio.create_task(worker(list(s), t)) for t, s in slots.items()]
    first_batch = await asyncio.gather(*firsts)
    print("first batch:", first_batch)
    verdict = await request_review(f"Continue after {sum(n for _, n, _ in first_batch)} rows of the first pages")
    names = await asyncio.gather(*workers)
    results = await asyncio.gather(*keep, return_exceptions=True)
    for r in results:
        print("invoices:", r if not isinstance(r, Exception) else f"{type(r).__name__}: {r}")
    await asyncio.sleep(0.01)
    print("names:", sorted(names), "verdict:", verdict)
    failed = [f.exception() for fs in slots.values() for f in fs if f.exception()]
    if failed:
        decision = approval(f"Accept {len(failed)} short tables: {sorted(str(e) for e in failed)}")
        print("short tables:", decision)
    print("tally:", sorted(tally.items()), "events:", events)


asyncio.run(main())
