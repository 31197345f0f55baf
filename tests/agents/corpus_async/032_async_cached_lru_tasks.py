# An async research agent: a class with cached_property reading a waiting
# tool, an lru_cache'd helper, create_task for the page fetches, an async
# generator feeding an asyncio.Queue, and an approval between the phases.
import asyncio
import functools
import itertools
from functools import cached_property


class Topic:
    def __init__(self, name):
        self.name = name

    @cached_property
    def plan(self):
        return llm(f"Plan the research: {self.name}").splitlines()

    @cached_property
    def approved(self):
        return approval(f"Research {self.name} for {len(self.plan)} steps") == "approved"


@functools.lru_cache(maxsize=8)
def domain(url):
    return url.split("/")[2]


async def pages(urls):
    for url in urls:
        try:
            yield url, await fetch_url(url)
        except ToolError as error:
            yield url, f"ERROR {error.code}"


async def check(i, summary):
    await asyncio.sleep(0)
    return approval(f"Keep summary {i}: {summary[:25]}")


async def main(topic):
    queue = asyncio.Queue()
    async for url, text in pages(["https://docs.example/export", "https://nowhere.example/x", "https://docs.example/auth"]):
        await queue.put((domain(url), text.splitlines()[0]))
    tasks = [asyncio.create_task(ask_model(f"Summarize: {step}")) for step in topic.plan]
    summaries = await asyncio.gather(*tasks)
    checks = await asyncio.gather(*(check(i, s) for i, s in enumerate(summaries)))
    summaries = [s + f" [{c}]" for s, c in zip(summaries, checks)]
    items = []
    while not queue.empty():
        items.append(queue.get_nowait())
    return summaries, items


topic = Topic("export api")
print(topic.plan)
if topic.approved:
    summaries, items = asyncio.run(main(topic))
    print([s.split(" (")[0] for s in summaries])
    for host, group in itertools.groupby(sorted(items), key=lambda kv: kv[0]):
        print(host, [t for _, t in group])
print(topic.approved, domain.cache_info().hits, "plan" in vars(topic))
