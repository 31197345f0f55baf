# Question-answering agent: retrieve chunks for each task of the queue,
# ask the model whether the context suffices (the loop condition), and
# export the answered questions after approval.
import json
import re
import textwrap
from collections import Counter

CORPUS = {u: fetch_page(u) for u in ("https://shop.example/faq", "https://docs.example/auth", "https://news.example/outage")}
TOK = re.compile(r"\w+")


def retrieve(query, k=2):
    q = Counter(TOK.findall(query.casefold()))
    scored = []
    for url, text in CORPUS.items():
        for n, line in enumerate(text.splitlines(), start=1):
            overlap = sum((q & Counter(TOK.findall(line.casefold()))).values())
            if overlap:
                scored.append((overlap, -n, url, line))
    return [(u, line) for _, _, u, line in sorted(scored, reverse=True)[:k]]


answers = []
task = next_task("default")
while task is not None and task["kind"] != "unknown":
    if task["kind"] == "summarize":
        hits = retrieve(task["payload"])
        ok = llm("Answer yes or no: does this answer it? " + " | ".join(h[1] for h in hits))
        answers.append({"task": task["id"], "hits": [h[0].rsplit("/", 1)[1] for h in hits], "ok": ok})
    else:
        answers.append({"task": task["id"], "skipped": task["kind"]})
    task = next_task("default")
print(json.dumps(answers, sort_keys=True))
print(textwrap.fill(" ".join(line for _, line in retrieve("how long do tokens last and can I cancel", k=3)), width=50))
decision = approval(f"Export {len(answers)} answers to the results table")
if decision == "approved":
    print("written:", db_write([a for a in answers if "ok" in a]))
print("decision:", decision, "last task:", task)
