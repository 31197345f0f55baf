# A crawler built from generators: a per-page generator yields the links it
# finds and returns a word count, the outer one delegates with `yield from`
# and collects the returned values; a second generator is closed early and
# its finally block waits for a model summary.
import json
import re


def page_links(url):
    text = fetch_page(url)
    links = re.findall(r"https://\S+", text)
    for link in links:
        yield link.rstrip(".")
    return len(text.split())


def crawl(start, limit):
    seen = [start]
    counts = {}
    queue = [start]
    while queue and len(counts) < limit:
        url = queue.pop(0)
        words = yield from page_links(url)
        counts[url] = words
        for link in re.findall(r"https://\S+", fetch_page(url)):
            if link not in seen:
                seen.append(link)
                queue.append(link)
    return counts


found = []
gen = crawl("https://shop.example/pricing", 3)
while True:
    try:
        found.append(next(gen))
    except StopIteration as stop:
        counts = stop.value
        break
print("links:", found)
print("counts:", json.dumps(counts, sort_keys=True))


def task_stream(queue):
    handled = []
    try:
        while True:
            task = next_task(queue)
            if task is None:
                return handled
            handled.append(task["id"])
            yield task
    finally:
        verdict = llm(f"Summarize: stream {queue} stopped after tasks {handled}")
        print("stream finally:", verdict)


stream = task_stream("ops")
for task in stream:
    print("task", task["id"], task["kind"], task["payload"]["service"])
    if task["kind"] == "deploy":
        break
stream.close()
print("after close")


def outer():
    first = yield from inner("customers")
    second = yield from inner("invoices")
    return first + second


def inner(table):
    rows = export(table)
    for row in rows[:2]:
        yield row.get("name") or row.get("customer")
    return len(rows)


g = outer()
print(list(g))
total = None
g2 = outer()
try:
    while True:
        next(g2)
except StopIteration as stop:
    total = stop.value
print("rows total:", total)
