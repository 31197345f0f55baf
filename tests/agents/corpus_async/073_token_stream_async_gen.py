# Streams a model's answers token by token: an async generator splits each
# completion of an AsyncLLM client into tokens, a filter stage drops short
# ones and waits for a human review of flagged words; the consumer uses
# async for with break, async comprehensions, aiter/anext with a default
# and an async generator expression.
import asyncio
import contextlib

FLAGGED = {"delete", "outage", "certificate"}


async def tokens(client, prompt):
    text = await client.complete(prompt)
    for i, token in enumerate(text.replace("\n", " ").split(" ")):
        if i % 4 == 3:
            await asyncio.sleep(0)
        yield token.strip(".,:;()").lower()


async def screened(stream, audit):
    async for tok in stream:
        if len(tok) < 4:
            continue
        if tok in FLAGGED:
            verdict = await request_review(f"Stream the flagged word {tok!r}")
            audit.append((tok, verdict))
            if verdict != "approved":
                continue
        yield tok


async def main():
    client = AsyncLLM(model="stream-1")
    audit = []
    words = [t async for t in screened(tokens(client, "Summarize: the outage report and its certificate fix"), audit)]
    print("words:", words)

    plan = [line async for line in tokens(client, "Plan: delete the staging database") if line.isalpha()]
    print("plan:", plan)

    it = aiter(screened(tokens(client, "Summarize: delete old projects then archive"), audit))
    first = await anext(it, None)
    second = await anext(it, None)
    print("first two:", first, second)
    rest = [t.upper() async for t in it]
    print("rest:", rest, "after end:", await anext(it, "<done>"))

    async with contextlib.aclosing(tokens(client, "Summarize: the export api fails on upload")) as stream:
        seen = []
        async for tok in stream:
            seen.append(tok)
            if tok == "fails":
                seen.append(await request_review(f"Open an incident after {len(seen)} tokens"))
                break
    label = "-".join(seen[-3:])
    lengths = (len(t) async for t in tokens(client, f"Summarize: {label}"))
    total = 0
    async for n in lengths:
        total += n
    gate = approval(f"Publish a stream digest of {len(words)} words, total length {total}")
    print("seen:", seen, "total:", total, "gate:", gate)
    print("audit:", sorted(audit), "calls:", client.calls)


asyncio.run(main())
