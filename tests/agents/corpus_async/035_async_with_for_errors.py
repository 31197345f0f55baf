# Stream ticket rows through a script async context manager whose
# __aenter__ and __aexit__ wait, with an async generator that raises
# mid-stream; __aexit__ suppresses the error after the model reviews it.
import asyncio


class Batch:
    def __init__(self, name):
        self.name = name
        self.handled = []

    async def __aenter__(self):
        self.decision = approval(f"Start batch {self.name}")
        greeting = await ask_model(f"Summarize: opening batch {self.name}")
        print("open", self.name, self.decision, greeting[:20])
        return self

    async def __aexit__(self, kind, error, tb):
        if kind is None:
            print("closed", self.name, "clean")
            return False
        review = llm(f"yes or no: suppress {kind.__name__} in {self.name}?")
        print("closing", self.name, "after", repr(error), "review", review)
        return isinstance(error, ValueError)


async def tickets(table):
    try:
        async for row in paged_rows(table, page_size=2):
            if row["priority"] == 1 and row["id"] > 10:
                raise ValueError(f"ticket {row['id']} needs a human")
            yield row
    finally:
        note = llm(f"Classify end of stream {table}")
        print("stream closed:", note)


async def main():
    async with Batch("tickets") as batch:
        async for row in tickets("tickets"):
            batch.handled.append(row["id"])
    print("handled:", batch.handled)
    try:
        async with Batch("users") as batch:
            async with open_session("crm") as api:
                await api.user("ana")
                await api.user("nobody")
    except ToolError as err:
        print("crm failed:", err.message, err.code, "| requests", api.requests)
        decision = approval("Retry the crm batch")
        print("retry:", decision)
    return batch.handled


handled = asyncio.run(main())
db_write([{"handled": handled}], table="tickets_batch")
