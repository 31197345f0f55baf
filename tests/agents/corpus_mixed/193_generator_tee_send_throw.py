# Grade 900 support replies with coroutine generators: the reply stream is
# split with itertools.tee and zipped with a running-total generator; a grader
# primed with next() gets replies by send() and delegates each batch to a
# sub-generator with `yield from` (its return value is the batch score) that
# asks the model mid-batch; over-long replies are thrown in as Skip, close()
# runs a finally that waits for approval, and a digest generator returns its
# count through `yield from` after waiting for approvals.
import itertools
import json


class Skip(Exception):
    pass


def replies():
    for i in range(900):
        yield {
            "id": i,
            "words": 5 + (i * 37) % 50,
            "topic": ("refund", "login", "export", "vat")[i % 4],
        }


def running(stream):
    total = 0
    for reply in stream:
        total += reply["words"]
        yield total


def batch_grader(size):
    score = 0
    for _ in range(size):
        try:
            reply = yield score
        except Skip:
            score -= 1
            continue
        score += reply["words"] // 10
        if reply["id"] % 300 == 150:
            score += len(llm(f"Classify: reply {reply['id']} about {reply['topic']}"))
    return score


def grader(batch_size):
    batches = []
    try:
        while True:
            batches.append((yield from batch_grader(batch_size)))
    finally:
        verdict = approval(
            f"Archive {len(batches)} graded batches scoring {sum(batches)}"
        )
        print("archived:", verdict, batches, len(batches))


def approve_topics(topics):
    published = 0
    for topic in topics:
        if (
            approval(
                f"Publish the {topic} digest to all customers"
                if topic == "vat"
                else f"Publish the {topic} digest"
            )
            == "approved"
        ):
            published += 1
            yield topic
    return published


def digest(topics):
    count = yield from approve_topics(topics)
    yield f"{count} of {len(topics)} published"


g = grader(100)
print(next(g))
stream, copy_for_totals = itertools.tee(replies())
samples, skipped = [], 0
for reply, total in zip(stream, running(copy_for_totals)):
    if reply["words"] > 50:
        state = g.throw(Skip)
        skipped += 1
    else:
        state = g.send(reply)
    if reply["id"] % 225 == 0:
        samples.append((reply["id"], total, state))
g.close()
print(samples, skipped, json.dumps(list(digest(["refund", "login", "vat", "export"]))))
try:
    g.send(None)
except StopIteration:
    print("grader closed", g.gi_frame is None)
