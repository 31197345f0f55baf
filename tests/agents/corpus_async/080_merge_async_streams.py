# Merge several async streams into one: one anext() future per source in a
# dict, asyncio.wait(FIRST_COMPLETED) picks the finished one (lowest source
# first, so the turns are fixed), and the source is re-armed until it raises
# StopAsyncIteration; the sources are async generators over pages fetched
# first (one request at a time: the log's order is the script's own), which
# wait for a human review of risky rows.
import asyncio
from collections import defaultdict


async def fetch_pages(table):
    pages, offset = [], 0
    while rows := await query_rows(table, offset, 4):
        pages.append(rows)
        offset += len(rows)
    return pages


async def table_stream(table, pages, flagged):
    for rows in pages:
        await asyncio.sleep(0)
        for row in rows:
            if row.get("status") == "disputed" or row.get("priority") == 1:
                verdict = await request_review(f"Include {table} row {row['id']} in the merge")
                flagged.append((table, row["id"], verdict))
                if verdict != "approved":
                    continue
            yield table, row


async def pager_stream(table, rows):
    for row in rows:
        await asyncio.sleep(0.001)
        yield table, row


async def relabel(stream, prefix):
    async for table, row in stream:
        yield f"{prefix}:{table}", row


async def merge(*sources):
    arms = {i: asyncio.ensure_future(anext(src)) for i, src in enumerate(sources)}
    turns = 0
    while arms:
        done, _ = await asyncio.wait(arms.values(), return_when=asyncio.FIRST_COMPLETED)
        source_of = dict(zip(arms.values(), arms))
        i = min(map(source_of.__getitem__, done))
        fut = arms.pop(i)
        turns += 1
        try:
            item = fut.result()
        except StopAsyncIteration:
            continue
        arms[i] = asyncio.ensure_future(anext(sources[i]))
        yield item
    print("merge turns:", turns)


async def main():
    flagged = []
    pages = {table: await fetch_pages(table) for table in ("orders", "tickets")}
    customers = [row async for row in paged_rows("customers", page_size=4)]
    sources = (
        table_stream("orders", pages["orders"], flagged),
        relabel(table_stream("tickets", pages["tickets"], flagged), "support"),
        relabel(pager_stream("customers", customers), "crm"),
    )
    grouped = defaultdict(list)
    async for source, row in merge(*sources):
        grouped[source].append(row["id"])
    for source in sorted(grouped):
        print(source, sorted(grouped[source]))
    print("flagged:", sorted(flagged))
    total = sum(len(v) for v in grouped.values())
    print("publish:", approval(f"Publish the merged feed of {total} rows"))


asyncio.run(main())
