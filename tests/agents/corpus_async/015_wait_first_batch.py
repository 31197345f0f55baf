# Start a fast and a slow source with asyncio.wait(timeout=...): use what is
# done, cancel what is not (the slow tool logs its cancellation), then ask
# for approval to publish a partial result.
import asyncio


async def main():
    fast = asyncio.create_task(query_rows("customers", 0, 6), name="customers")
    slow = asyncio.create_task(slow_report("customers-enriched"), name="enriched")
    done, pending = await asyncio.wait({fast, slow}, timeout=2)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("cancelled:", [t.cancelled() for t in pending])
    rows = fast.result()
    by_country = {}
    for row in rows:
        by_country.setdefault(row["country"], []).append(row["name"])
    print(dict(sorted(by_country.items())))
    decision = approval(f"Publish a partial customer map of {len(rows)} customers")
    print(decision)
    if decision == "approved":
        db_write([{"country": c, "customers": len(n)} for c, n in sorted(by_country.items())], table="map")


asyncio.run(main())
