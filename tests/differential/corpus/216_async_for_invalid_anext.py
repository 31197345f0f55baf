# 'async for' over an __anext__ whose result cannot be awaited: a TypeError
# whose cause is the error that made it no awaitable.
class Raising:
    def __aiter__(self):
        return self

    def __anext__(self):
        return self

    def __await__(self):
        1 / 0


class Plain:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


async def loop(source):
    async for _ in source:
        pass


for source in (Raising(), Plain()):
    try:
        loop(source).send(None)
    except TypeError as error:
        print(error, "| cause:", type(error.__cause__).__name__, error.__cause__)
