# Merge several async streams into one: one anext() future per source in a
# dict, asyncio.wait(FIRST_COMPLETED) picks the finished one (lowest source
# first, so the turns are fixed), and the source is re-armed until it raises
# StopAsyncIteration; the sources are async generators that page a table and
# wait for a human review of risky rows, and a host RowPager.
import asyncio
from collections import defaultdict


async def table_stream(table, flagged):
    offset = 0
    while rows := await query_rows(table, offset, 4):
        offset += len(rows)
        for row in rows:
            if row.get("status") == "disputed" or row.get("priority") == 1:
                verdict = await request_review(f"Include {table} row {row['id']} in the merge")
                flagged.append((table, row["id"], verdict))
                if verdict != "approved":
                    continue
            yield table, row


async def pager_stream(table):
    async for row in paged_rows(table, page_size=4):
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
    sources = (
        table_stream("orders", flagged),
        relabel(table_stream("tickets", flagged), "support"),
        relabel(pager_stream("customers"), "crm"),
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
