# Top-level await: an async generator pages the customers table and waits
# for a human approval between pages; the script consumes it with async for,
# an async comprehension and an early break that closes the generator.
from dataclasses import dataclass


@dataclass
class Batch:
    number: int
    rows: list
    decision: str


async def pages(table, size):
    offset, number = 0, 0
    try:
        while True:
            rows = await query_rows(table, offset, size)
            if not rows:
                return
            number += 1
            decision = approval(f"Process page {number} of {table} ({len(rows)} rows)")
            yield Batch(number, rows, decision)
            offset += size
    finally:
        effect({"pager": table, "pages": number})


processed = []
async for batch in pages("customers", 2):
    names = [row["name"] for row in batch.rows]
    print(batch.number, batch.decision, names)
    processed.extend(names)

gold = [row["name"] async for row in paged_rows("customers", 4) if row["tier"] == "gold"]
print("gold:", gold)

first_events = []
stream = pages("events", 3)
async for batch in stream:
    first_events.extend(e["action"] for e in batch.rows)
    if len(first_events) >= 5:
        break
await stream.aclose()
print(len(processed), first_events)
