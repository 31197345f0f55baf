import asyncio
class AsyncResource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("aenter", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
    async def query(self, q):
        return f"{self.name} answered {q}"
async def main():
    async with AsyncResource("db") as db:
        print(await db.query("select"))
    async with AsyncResource("a") as a, AsyncResource("b") as b:
        print("both", a.name, b.name)
    async with AsyncResource("suppressing"):
        raise KeyError("swallowed")
    print("after suppressed error")
    try:
        async with AsyncResource("propagating"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    from contextlib import asynccontextmanager
    @asynccontextmanager
    async def session(user):
        print("open session", user)
        try:
            yield {"user": user}
        finally:
            print("close session", user)
    async with session("ann") as s:
        print("session data", s)
    return "ok"
print(asyncio.run(main()))
