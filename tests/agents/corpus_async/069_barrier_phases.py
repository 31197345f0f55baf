# Workers compute partial statistics in phases separated by asyncio.Barrier:
# a hot loop per slice (yielding to the others), a model label, then a
# review of each slice once all workers have labelled theirs; the results
# are sorted and dumped.
import asyncio
import json
from dataclasses import asdict, dataclass


@dataclass
class Slice:
    index: int
    total: int = 0
    peak: int = 0
    label: str = ""
    review: str = ""


async def crunch(start, count):
    total, peak, x = 0, 0, start
    for i in range(count):
        if i % 100 == 99:
            await asyncio.sleep(0)
        x = (x * 1103515245 + 12345) % 2**31
        value = x % 1000
        total += value
        peak = max(peak, value)
    return total, peak


async def worker(part, barrier, labels):
    part.total, part.peak = await crunch(part.index + 1, 300)
    part.label = await ask_model(f"Classify: slice {part.index} totalling {part.total}")
    labels.append(part.label)
    await barrier.wait()
    common = sorted(labels)
    part.review = await request_review(f"Accept slice {part.index} ({part.label}) among {common}")
    if part.review != "approved":
        part.total = 0
    await barrier.wait()
    return part.index


async def main():
    parts = [Slice(i) for i in range(4)]
    barrier = asyncio.Barrier(len(parts))
    labels = []
    order = await asyncio.gather(*(worker(p, barrier, labels) for p in parts))
    print("order:", order, "broken:", barrier.broken)
    for p in sorted(parts, key=lambda p: (-p.total, p.index)):
        print(json.dumps(asdict(p), sort_keys=True))
    grand = sum(p.total for p in parts)
    print("grand total:", grand, "verdict:", await request_review(f"Publish the grand total {grand}"))


asyncio.run(main())
