# An asynccontextmanager opens a session and times its block; inside, a
# slow report is bounded by asyncio.timeout and replaced by an llm summary
# (a sync wait in an except handler of a coroutine); records are dataclasses.
import asyncio
import contextlib
import time
from dataclasses import asdict, dataclass


@dataclass
class Section:
    title: str
    body: str
    source: str


@contextlib.asynccontextmanager
async def timed_session(service, stats):
    started = time.monotonic()
    async with open_session(service) as api:
        try:
            yield api
        finally:
            stats[service] = round(time.monotonic() - started) >= 0


async def section(api, title):
    try:
        async with asyncio.timeout(0.05):
            body = await slow_report(title)
        return Section(title, body, "report")
    except TimeoutError:
        summary = llm(f"Summarize: the {title} report was too slow")
        await api.post("/incidents", {"report": title})
        return Section(title, summary, "model")


async def main():
    stats = {}
    async with timed_session("reports", stats) as api:
        owner = await api.user("cho")
        sections = [await section(api, t) for t in ("revenue", "churn")]
        pages = {u: len(await fetch_url(u)) async for u in _urls()}
    for s in sections:
        print(asdict(s))
    print(owner["email"], sorted(pages.items()), stats, api.requests)


async def _urls():
    for url in ("https://shop.example/pricing", "https://shop.example/faq"):
        await asyncio.sleep(0)
        yield url


asyncio.run(main())
