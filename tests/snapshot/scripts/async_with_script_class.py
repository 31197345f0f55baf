class Session:
    def __init__(self, name):
        self.name = name
        self.events = []

    async def __aenter__(self):
        self.events.append("enter")
        return self

    async def __aexit__(self, *exc):
        self.events.append("exit")
        return False


async def fetch(session, n):
    session.events.append(n)
    return n * 2


async with Session("s") as session:
    first = await fetch(session, 1)
    effect(wait(first) + 1)
    second = await fetch(session, wait(2))
print(session.events, first, second)
