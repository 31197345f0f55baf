# Deadlines that do not fire around model calls and reviews (asyncio.timeout
# and wait_for of 10 s), with a hot scoring loop inside one of them, and one
# that does fire around the slow report, which falls back to the model; a
# review in the middle of a hot top-level loop.
import asyncio
import json


def score_lines(text, rounds):
    lines = text.splitlines()
    best, acc = "", 0
    for i in range(rounds):
        line = lines[i % len(lines)]
        value = sum(ord(c) for c in line[:12]) + i % 7
        acc = (acc + value) % 9973
        if value % 5 == 0 and len(line) > len(best):
            best = line
    return acc, best


report = {}
async with asyncio.timeout(10) as deadline:
    text = await fetch_url("https://docs.example/export")
    report["score"], report["best"] = score_lines(text, 300)
    decision = await request_review(f"Publish the export docs scored {report['score']}")
    report["docs"] = decision.upper()
print("deadline expired:", deadline.expired())

label = await asyncio.wait_for(ask_model("Classify: export API launch"), timeout=10)
review = await asyncio.wait_for(request_review(f"Announce the launch labelled {label}"), timeout=10)
report["launch"] = f"{label}:{review}"

try:
    async with asyncio.timeout(0.05):
        report["revenue"] = await slow_report("revenue")
except TimeoutError:
    report["revenue"] = await ask_model("Summarize: the revenue report timed out")

try:
    body = await asyncio.wait_for(ask_model("Score the launch page"), 10)
    if await request_review(f"Post the launch score {body}") == "approved":
        report["posted"] = int(body)
finally:
    report["closed"] = True
weights, verdict = [], None
for i in range(300):
    if i == 120:
        verdict = await request_review(f"Keep weighting after {len(weights)} steps")
    w = (i * 31 + len(report)) % 17
    if verdict is not None and verdict == "approved":
        w *= 2
    weights.append(w)
print(json.dumps(report, sort_keys=True, indent=1))
print("weights:", sum(weights), weights[118:124])
