# A commit step is shielded: the caller's task gets cancelled after the
# commit began, but the commit itself (an approval and a db write) still
# completes, and the agent awaits it afterwards.
import asyncio


async def commit(rows, state):
    state.append("started")
    verdict = approval(f"Commit {len(rows)} rows to the ledger")
    await asyncio.sleep(0.01)
    if verdict == "approved":
        written = db_write(rows, table="ledger")
    else:
        written = 0
    state.append("committed")
    return written


async def caller(inner, started):
    started.set()
    return await asyncio.shield(inner)


async def main():
    rows = await query_rows("orders", 0, 3)
    rows = [{"id": r["id"], "amount": r["amount"]} for r in rows]
    state = []
    started = asyncio.Event()
    inner = asyncio.ensure_future(commit(rows, state))
    outer = asyncio.create_task(caller(inner, started))
    await started.wait()
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("caller cancelled; commit done yet:", inner.done())
    written = await inner
    print("written:", written, "state:", state)
    note = await ask_model(f"Summarize: committed {written} rows despite a cancellation")
    print(note)
    print("check:", approval(f"Close the books after {written} rows"))


asyncio.run(main())
