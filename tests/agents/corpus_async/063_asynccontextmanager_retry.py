# Sync numbered records through an audited session (an asynccontextmanager
# whose finally posts an audit entry); each record is fetched with a retry
# loop around the flaky async tool, and records that needed retries wait
# for a review inside the session block.
import asyncio
import contextlib
import json


@contextlib.asynccontextmanager
async def audited(service, log):
    async with open_session(service) as api:
        try:
            yield api
        finally:
            await api.post("/audit", {"service": service, "events": len(log)})


async def fetch_with_retry(n, attempts=4):
    for attempt in range(1, attempts + 1):
        try:
            return await flaky_fetch(n)
        except ToolError as err:
            if not err.retryable or attempt == attempts:
                return {"n": n, "error": err.code}
            await asyncio.sleep(0.001 * attempt)


def checksum(records, rounds):
    acc = 0
    for i in range(rounds):
        rec = records[i % len(records)]
        acc = (acc * 31 + rec.get("cube", rec.get("error", 0)) + i) % 1_000_003
    return acc


async def main():
    log = []
    async with audited("sync", log) as api:
        records = await asyncio.gather(*(fetch_with_retry(n) for n in range(1, 11)))
        for rec in records:
            if rec.get("attempt", 1) > 1:
                decision = await request_review(f"Accept record {rec['n']} after {rec['attempt']} attempts")
                if decision == "approved":
                    log.append(rec["n"])
                    await api.post("/records", rec)
        print("session requests:", api.requests)
    print(json.dumps(records))
    print("accepted after retries:", log)
    print("failed:", [r["n"] for r in records if "error" in r], "checksum:", checksum(records, 500))


asyncio.run(main())
