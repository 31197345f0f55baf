# A chat agent as an async generator driven by asend(): each sent message is
# answered by the model; athrow() of an Interrupt lands in a handler that
# waits for a human review and yields its verdict back to the caller;
# athrow() of a ValueError the agent does not handle ends it; an outer
# generator forwards asend()/athrow() by hand to an inner one (async
# generators have no `yield from`), and aclose() runs finally blocks that
# await the model and a review, at both levels.
import asyncio


class Interrupt(Exception):
    pass


async def agent(name, transcript):
    reply = f"{name} ready"
    turns = 0
    try:
        while True:
            try:
                msg = yield reply
            except Interrupt as exc:
                verdict = await request_review(f"{name} interrupted: {exc}")
                transcript.append((name, "interrupt", verdict))
                msg = yield f"interrupt {verdict}"
            turns += 1
            if msg is None:
                reply = f"{name} idle"
                continue
            answer = await ask_model(f"Classify: {msg}")
            transcript.append((name, msg, answer))
            reply = f"{name}#{turns}: {answer}"
    finally:
        note = await ask_model(f"Summarize: {name} ended after {turns} turns")
        transcript.append((name, "closed", turns))
        print(f"  [{name} finally] {note}")


async def supervisor(inner, transcript):
    reply = await inner.asend(None)
    try:
        while True:
            try:
                msg = yield f"sup<{reply}>"
            except Interrupt as exc:
                reply = await inner.athrow(exc)
                continue
            if isinstance(msg, str) and msg.startswith("!"):
                verdict = await request_review(f"Run the command {msg[1:]}")
                reply = f"command {verdict}"
                continue
            reply = await inner.asend(msg)
    finally:
        await inner.aclose()
        transcript.append(("sup", "closed", await request_review("Archive the supervised chat")))


async def main():
    transcript = []
    bot = agent("solo", transcript)
    print(await bot.asend(None))
    print(await bot.asend("the export api fails on upload"))
    print(await bot.athrow(Interrupt("user typed stop")))
    print(await bot.asend(None))
    try:
        await bot.athrow(ValueError("bad frame"))
    except ValueError as exc:
        print("agent ended by:", exc, "| asend after end:", end=" ")
    try:
        await bot.asend("hello?")
    except StopAsyncIteration:
        print("StopAsyncIteration")

    sup = supervisor(agent("inner", transcript), transcript)
    print(await anext(sup))
    for msg in ("invoice shows wrong vat", "!delete staging database", "!rotate keys", None):
        print(await sup.asend(msg))
    print(await sup.athrow(Interrupt("supervisor pause")))
    print(await sup.asend("login fails after reset"))
    await sup.aclose()
    print(await sup.aclose(), sup.ag_running, sup.ag_frame is None)
    for entry in transcript:
        print(" ", entry)


asyncio.run(main())
