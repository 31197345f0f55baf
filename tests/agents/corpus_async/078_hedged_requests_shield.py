# Hedged model calls: each question goes to two models at once, the first
# answer wins (asyncio.wait FIRST_COMPLETED) and the loser is cancelled; a
# long report is shielded so that a wait_for timeout around it does not kill
# it, a human decides whether to keep waiting, and otherwise it is cancelled.
import asyncio
from dataclasses import dataclass
from operator import methodcaller


@dataclass
class Answer:
    question: str
    text: str
    racers: int
    review: str = "-"


async def hedged(question):
    racers = [asyncio.create_task(ask_model(question, model=m)) for m in ("mini", "large")]
    done, _ = await asyncio.wait(racers, return_when=asyncio.FIRST_COMPLETED)
    winner = min(done, key=methodcaller("result"))
    for task in racers:
        task.cancel()  # a no-op for the ones already done
    await asyncio.gather(*racers, return_exceptions=True)
    return Answer(question, winner.result(), len(racers))


async def main():
    questions = ["Classify: refund request", "Score the outage postmortem", "Yes or no: ship on Friday?"]
    answers = await asyncio.gather(*(hedged(q) for q in questions))
    for answer in answers:
        if answer.text in ("yes", "no") or answer.text.isdigit():
            answer.review = await request_review(f"Act on {answer.question!r}: {answer.text}")
    for answer in answers:
        print(f"{answer.question:<30} {answer.text:<8} racers={answer.racers} {answer.review}")

    report = asyncio.create_task(slow_report("quarterly"))
    checks = []
    for attempt in range(1, 3):
        try:
            text = await asyncio.wait_for(asyncio.shield(report), timeout=0.02)
            checks.append(text)
            break
        except TimeoutError:
            checks.append(f"attempt {attempt} timed out, still running: {not report.done()}")
            if await request_review(f"Keep waiting for the quarterly report after attempt {attempt}") != "approved":
                break
    print("\n".join(checks))
    report.cancel()
    try:
        await report
    except asyncio.CancelledError:
        print("report cancelled:", report.cancelled())
    summary = approval(f"Publish {len(answers)} hedged answers without the quarterly report")
    print("summary:", summary)


asyncio.run(main())
