# A tool-calling loop: the model's JSON reply picks a tool by name from an
# async registry (coroutine functions, some bound with functools.partial);
# calls go through a client class used with async with, which retries
# flaky_fetch with backoff counters and waits for a human review when it
# closes; requests and responses are dataclasses.
import asyncio
import functools
import json
from dataclasses import asdict, dataclass, field


@dataclass
class Call:
    tool: str
    arg: object


@dataclass
class Reply:
    tool: str
    ok: bool
    value: object
    attempts: int = 1


@dataclass
class Client:
    name: str
    retries: int = 3
    backoff: list = field(default_factory=list)
    replies: list = field(default_factory=list)
    closed_with: str = ""

    async def __aenter__(self):
        self.token = await ask_model(f"Classify: open session {self.name}")
        return self

    async def __aexit__(self, kind, exc, tb):
        ok = sum(r.ok for r in self.replies)
        self.closed_with = await request_review(f"Close {self.name}: {ok}/{len(self.replies)} calls ok")
        return False

    async def healthy(self):
        return all(r.ok for r in self.replies[-2:])

    async def fetch(self, n):
        delay = 0.001
        for attempt in range(1, self.retries + 1):
            try:
                return await flaky_fetch(n), attempt
            except ToolError as err:
                if err.code < 500 or attempt == self.retries:
                    raise
                self.backoff.append((n, attempt, delay))
                await asyncio.sleep(delay)
                delay *= 2


async def cube(client, n):
    return await client.fetch(n)


async def page(client, url):
    return await fetch_url(url), 1


async def main():
    async with Client("registry") as client:
        registry = {"cube": functools.partial(cube, client), "page": functools.partial(page, client)}
        plan = json.loads(await ask_model("Return JSON for: fetch cubes and export documentation pages"))
        calls = [Call("cube", n) for n in (3, 5, 7, 8)] + [
            Call("page", "https://docs.example/" + t) for t in plan["tags"]
        ]
        for call in calls:
            handler = registry.get(call.tool)
            try:
                value, attempts = await handler(call.arg)
                client.replies.append(Reply(call.tool, True, value if call.tool == "cube" else len(value), attempts))
            except ToolError as err:
                client.replies.append(Reply(call.tool, False, f"{err.code} {err.message}"))
            if not await client.healthy() and await request_review(f"Continue after failing {call}") != "approved":
                break
    for reply in client.replies:
        print(json.dumps(asdict(reply), sort_keys=True))
    print("backoff:", client.backoff)
    print("closed with:", client.closed_with, "token:", client.token, "plan:", plan["tags"])


asyncio.run(main())
