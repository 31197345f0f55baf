# A script-defined async context manager (a class with __aenter__/__aexit__
# that await tools) and an asynccontextmanager; approvals are waited for in
# __aenter__ and inside the block, and __aexit__ records the outcome.
import asyncio
import contextlib


class Maintenance:
    def __init__(self, service):
        self.service = service
        self.window = None

    async def __aenter__(self):
        self.window = approval(f"Open a maintenance window for {self.service}")
        await fetch_url("https://docs.example/auth")
        return self

    async def __aexit__(self, kind, error, tb):
        effect({"service": self.service, "window": self.window, "error": kind.__name__ if kind else None})
        return kind is ToolError


@contextlib.asynccontextmanager
async def step(name, log):
    log.append(f"begin {name}")
    try:
        yield await ask_model(f"Plan: {name}")
    finally:
        log.append(f"end {name}")


async def main():
    log = []
    for service in ("search", "production-api"):
        async with Maintenance(service) as m:
            async with step(f"restart {service}", log) as plan:
                if m.window != "approved":
                    raise ToolError(f"no window for {service}", tool="maintenance", code=403)
                print(service, plan.splitlines()[-1])
    print(log)


asyncio.run(main())
