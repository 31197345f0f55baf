# expect-error: __main__.PipelineFailed
# A TaskGroup runs three loaders; one fails with a ToolError, the group
# cancels the others and raises an ExceptionGroup, handled with except*;
# the agent waits for the approval of an incident report, then fails.
import asyncio


class PipelineFailed(Exception):
    pass


async def load(table, detailed):
    if detailed:
        return await slow_report(f"{table}-details")
    return await query_rows(table, 0, 2)


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            for table, detailed in (("orders", True), ("inventory", False), ("tickets", False)):
                group.create_task(load(table, detailed))
    except* ToolError as errors:
        messages = sorted(e.message for e in errors.exceptions)
        print("failed:", messages)
        decision = approval(f"File an incident report for {len(messages)} failed loads")
        print("incident:", decision)
        raise PipelineFailed(f"{len(messages)} loaders failed; incident {decision}") from None


asyncio.run(main())
