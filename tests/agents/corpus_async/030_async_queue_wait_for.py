# A single worker drains an asyncio.Queue of pages; each fetch is bounded by
# asyncio.wait_for, each page's summary is approved by a human (a temporal
# wait inside the coroutine), and a sentinel ends the worker.
import asyncio
from collections import deque

URLS = [
    "https://shop.example/faq",
    "https://news.example/launch",
    "https://missing.example/page",
    "https://docs.example/auth",
]


async def producer(queue):
    for url in URLS:
        if export("customers")[0]["id"] == 1 and url.endswith("auth"):
            await queue.put(url.replace("auth", "export"))
        await queue.put(url)
    await queue.put(None)


async def worker(queue, done):
    while (url := await queue.get()) is not None:
        try:
            text = await asyncio.wait_for(fetch_url(url), timeout=10)
        except ToolError as error:
            done.append((url, f"error {error.code}"))
            continue
        except asyncio.TimeoutError:
            done.append((url, "timeout"))
            continue
        summary = llm(f"Summarize: {text.splitlines()[1]}")
        verdict = approval(f"Publish {summary[:30]}")
        done.append((url, verdict))
    return len(done)


async def main():
    queue = asyncio.Queue(maxsize=2)
    done = deque(maxlen=10)
    count, _ = await asyncio.gather(worker(queue, done), producer(queue))
    try:
        late = await asyncio.wait_for(slow_report("weekly"), timeout=0.05)
    except asyncio.TimeoutError:
        late = "weekly report timed out"
    return count, list(done), late


count, done, late = asyncio.run(main())
print(count, late)
for url, verdict in done:
    print(f"{url.split('/')[2]:<20} {verdict}")
print(dict(done))
