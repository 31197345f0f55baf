# A generator-based coroutine aggregates ticket scores: the driver sends it
# scores that wait on the model, throws a ToolError into it to signal a bad
# record, and reads the running totals it yields back.
import json


class BadRecord(Exception):
    pass


def averager():
    total = 0
    count = 0
    skipped = []
    average = None
    while True:
        try:
            value = yield average
        except BadRecord as error:
            skipped.append(str(error))
            average = None if count == 0 else round(total / count, 2)
            continue
        except GeneratorExit:
            print("averager closing with", count, "values, skipped", skipped)
            raise
        if value is None:
            break
        total += value
        count += 1
        average = round(total / count, 2)
    return {"total": total, "count": count, "skipped": skipped}


tickets = export("tickets")
coro = averager()
print("primed:", next(coro))
for ticket in tickets:
    if ticket["priority"] >= 4:
        print("throw for", ticket["id"], "->", coro.throw(BadRecord(f"ticket {ticket['id']} low priority")))
        continue
    score = int(llm(f"Give a score for urgency of: {ticket['subject']}"))
    print(ticket["id"], score, "->", coro.send(score))

try:
    coro.send(None)
except StopIteration as stop:
    print("final:", json.dumps(stop.value, sort_keys=True))


def echo_upper():
    received = []
    try:
        while True:
            text = yield len(received)
            received.append(text.upper())
    finally:
        note = llm("Summarize: the echo coroutine finished with " + ", ".join(received))
        print("echo finally:", note)


echo = echo_upper()
next(echo)
for url in ("https://shop.example/terms", "https://docs.example/auth"):
    page = fetch_page(url)
    print("sent", url, "->", echo.send(page.splitlines()[0]))
echo.close()
print("closed; gi_frame is None:", echo.gi_frame is None)
