# Hand-made awaitables around the async tools: a class whose __await__ is a
# generator that waits for a sync approval and then `yield from`s a
# coroutine's __await__(); a @types.coroutine generator that delegates to an
# awaitable; a __getattr__ client proxy whose attributes are coroutine
# functions made on the fly; async handlers registered by __init_subclass__
# and chosen with functools.singledispatch on NamedTuple/dataclass events,
# all awaited in gather() and one by one at top level.
import asyncio
import functools
import types
from dataclasses import dataclass
from typing import NamedTuple


class Gated:
    def __init__(self, action, make):
        self.action, self.make = action, make

    def __await__(self):
        verdict = approval(f"Run {self.action}")
        if verdict != "approved":
            return f"{self.action}: skipped ({verdict})"
        result = yield from self.make().__await__()
        return f"{self.action}: {result}"


@types.coroutine
def legacy_fetch(url):
    text = yield from fetch_url(url).__await__()
    return text.splitlines()[0]


class Client:
    def __init__(self):
        self.calls = []

    def __getattr__(self, op):
        if op.startswith("_"):
            raise AttributeError(op)

        async def call(*args):
            self.calls.append(op)
            if op == "review":
                return await request_review(" ".join(map(str, args)))
            return await ask_model(f"{op.capitalize()}: {' '.join(map(str, args))}")

        call.__name__ = op
        return call


class Page(NamedTuple):
    url: str


@dataclass
class Refund:
    order: int
    amount: str


HANDLERS = {}


class Handler:
    def __init_subclass__(cls, *, event, **kw):
        super().__init_subclass__(**kw)
        HANDLERS[event.__name__] = cls


@functools.singledispatch
async def handle(event, client):
    return f"unhandled {type(event).__name__}"


@handle.register
async def _(event: Page, client):
    head = await legacy_fetch(event.url)
    return f"page {head!r} -> {await client.classify(head)}"


@handle.register
async def _(event: Refund, client):
    verdict = await client.review(f"Refund {event.amount} for order {event.order}")
    return f"refund {event.order}: {verdict}"


class PageHandler(Handler, event=Page):
    pass


class RefundHandler(Handler, event=Refund):
    pass


client = Client()
print(await Gated("export of orders", lambda: query_rows("orders", 0, 2)))
print(await Gated("delete all customers", lambda: query_rows("customers")))
print(await legacy_fetch("https://docs.example/auth"))
print(await client.summarize("the outage lasted 14 minutes"), client.calls)
events = [Page("https://shop.example/faq"), Refund(104, "420.00"), "noise", Refund(106, "999.99"), Page("https://news.example/launch")]
outcomes = await asyncio.gather(*(handle(e, client) for e in events))
for event, outcome in zip(events, outcomes):
    print(f"  {type(event).__name__:<7} {HANDLERS.get(type(event).__name__, Handler).__name__:<13} {outcome}")
gated = [await Gated(f"publish {o.split()[0]}", functools.partial(client.plan, o)) for o in outcomes[:2]]
print(*gated, sep="\n")
print(sorted(client.calls), handle.registry.keys() >= {Page, Refund})
