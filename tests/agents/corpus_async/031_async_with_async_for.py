# Review customers page by page: a script async context manager that opens a
# session and reports on exit, async for over the host pager and over a
# script async generator, and request_review awaited for gold accounts.
import asyncio
import json


class Audit:
    def __init__(self, name):
        self.name = name
        self.entries = []

    async def __aenter__(self):
        self.session = await open_session(self.name).__aenter__()
        return self

    async def __aexit__(self, kind, error, tb):
        await self.session.post("/audit", {"entries": len(self.entries)})
        await self.session.__aexit__(kind, error, tb)
        return False


async def gold_first(pager):
    later = []
    async for row in pager:
        if row["tier"] == "gold":
            yield row, await request_review(f"Renew gold contract of {row['name']}")
        else:
            later.append(row)
    for row in later:
        yield row, None


async def main():
    async with Audit("audit") as audit:
        async for row, review in gold_first(paged_rows("customers", page_size=4)):
            entry = {"id": row["id"], "tier": row["tier"], "review": review}
            if review is None and row["tier"] == "silver":
                entry["note"] = llm(f"Answer yes or no: upsell {row['name']}?")
            audit.entries.append(entry)
    return audit


audit = asyncio.run(main())
print(audit.session.token, audit.session.requests)
print(json.dumps(audit.entries))
print([e["id"] for e in audit.entries if e.get("review") == "approved"])
