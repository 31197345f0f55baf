# Visit pages through a script-written rate limiter (a class with
# __aenter__/__aexit__ around a Semaphore); each page gets a hot checksum
# loop and a model summary, and a priced page waits for a review while its
# slot is held. Top-level await; an agent class with a property.
import asyncio

URLS = ["https://shop.example/pricing", "https://shop.example/faq", "https://news.example/outage"]
URLS += ["https://news.example/launch", "https://docs.example/export"]


class Limiter:
    def __init__(self, slots):
        self._sem = asyncio.Semaphore(slots)
        self.active = self.peak = self.entered = 0

    async def __aenter__(self):
        await self._sem.acquire()
        self.active += 1
        self.entered += 1
        self.peak = max(self.peak, self.active)
        return self

    async def __aexit__(self, kind, error, tb):
        self.active -= 1
        self._sem.release()
        return False


def checksum(text, rounds=2):
    a, b = 1, 0
    for _ in range(rounds):
        for ch in text:
            a = (a + ord(ch)) % 65521
            b = (b + a) % 65521
    return (b << 16) | a


class PageAgent:
    def __init__(self, limiter):
        self.limiter = limiter
        self.records = {}

    async def visit(self, url):
        async with self.limiter:
            text = await fetch_url(url)
            digest = checksum(text)
            summary = await ask_model(f"Summarize: {text.splitlines()[0]} page")
            verdict = "skipped"
            if "EUR" in text:
                verdict = (await request_review(f"Publish the prices of {url}")).upper()
        self.records[url] = (digest, summary[:40], verdict)
        return digest

    @property
    def published(self):
        return sorted(u for u, r in self.records.items() if r[2] == "APPROVED")


limiter = Limiter(2)
agent = PageAgent(limiter)
digests = await asyncio.gather(*(agent.visit(u) for u in URLS))
print([f"{d:08x}" for d in digests])
for url in sorted(agent.records):
    print(url, *agent.records[url], sep=" | ")
print("peak:", limiter.peak, "entered:", limiter.entered, "active:", limiter.active)
final = await request_review(f"Send a digest of {len(agent.published)} published pages")
print("published:", agent.published, final)
