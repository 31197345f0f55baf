# Worker tasks prepare emails concurrently but wait on an asyncio.Event that
# the coordinator sets only once a human approved the campaign; a Lock
# guards the shared counters.
import asyncio


async def worker(name, gate, lock, stats, outbox):
    user = lookup_user(name)
    body = await ask_model(f"Summarize: a welcome note for {user['name']} of team {user['team']}")
    await gate.wait()
    async with lock:
        stats["ready"] += 1
        if stats["approved"]:
            outbox.append((user["email"], body))


async def main():
    gate, lock = asyncio.Event(), asyncio.Lock()
    stats, outbox = {"ready": 0, "approved": False}, []
    workers = [asyncio.create_task(worker(n, gate, lock, stats, outbox)) for n in ("ana", "ben", "cho")]
    await asyncio.sleep(0)
    decision = approval("Start the welcome campaign for 3 users")
    stats["approved"] = decision == "approved"
    gate.set()
    await asyncio.gather(*workers)
    for email, body in sorted(outbox):
        send_email(email, body)
    print(stats, len(outbox))


asyncio.run(main())
