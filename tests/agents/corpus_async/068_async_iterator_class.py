# A script class that is its own async iterator (__aiter__/__anext__) pages
# through a table; a classmethod builds it and a staticmethod scores rows in
# a hot loop. heapq keeps the top orders, and an async comprehension waits
# for a review of each of them.
import asyncio
import heapq


class TablePager:
    def __init__(self, table, size):
        self.table, self.size, self.offset = table, size, 0
        self.pending, self.pages = [], 0

    @classmethod
    def for_orders(cls):
        return cls("orders", 3)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.pending:
            self.pending = await query_rows(self.table, self.offset, self.size)
            if not self.pending:
                raise StopAsyncIteration
            self.pages += 1
            self.offset += len(self.pending)
        return self.pending.pop(0)

    @staticmethod
    def weight(row, rounds=250):
        cents = int(row["amount"].replace(".", ""))
        w = 0
        for i in range(rounds):
            w = (w * 7 + cents + i) % 100_003
        return w


async def main():
    pager = TablePager.for_orders()
    heap = []
    async for row in pager:
        heapq.heappush(heap, (TablePager.weight(row), row["id"], row["amount"]))
        if len(heap) > 4:
            heapq.heappop(heap)
    top = sorted(heap, reverse=True)
    print("pages:", pager.pages, "top:", [(oid, amt) for _, oid, amt in top])
    reviews = {oid: (await request_review(f"Audit order {oid} of {amt} EUR")).upper() for _, oid, amt in top}
    print(reviews)
    notes = [await ask_model(f"Classify: order {oid}") async for oid in ids(reviews) if reviews[oid] == "APPROVED"]
    print(notes)


async def ids(mapping):
    for key in sorted(mapping):
        await asyncio.sleep(0)
        yield key


asyncio.run(main())
