# Stream support tickets through a generator pipeline: the source generator
# waits for the model every 10th item, a `yield from` stage splits words, and
# the stages are consumed by for loops, sum(), list() and "".join().
import json


def source(rows, rounds):
    for r in range(rounds):
        for row in rows:
            key = r * len(rows) + row["id"]
            if key % 10 == 0:
                tag = llm(f"Classify: {row['subject']}")
            else:
                tag = "plain"
            yield {"key": key, "subject": row["subject"], "tag": tag, "prio": row["priority"]}


def words(items):
    for item in items:
        yield from (w.lower().strip("?:") for w in item["subject"].split() if len(w) > 3)


def weighted(items):
    for item in items:
        w = 5 - item["prio"]
        if item["tag"] != "plain":
            w *= 2
        yield item["key"], w


tickets = export("tickets")
tagged = []
for item in source(tickets, 8):
    if item["tag"] != "plain":
        tagged.append((item["key"], item["tag"]))
print("tagged:", tagged)

total = sum(w for _, w in weighted(source(tickets[:3], 12)))
print("weight total:", total)
vocab = {}
for w in words(source(tickets[3:], 6)):
    vocab[w] = vocab.get(w, 0) + 1
top = sorted(vocab.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("top words:", top)
keys = list(k for k, w in weighted(source(tickets, 2)) if w >= 4)
print("heavy keys:", keys)
initials = "".join(w[0] for w in words(source(tickets[:2], 5)))
print("initials:", initials, len(initials))
verdict = approval(f"File {len(tagged)} tagged tickets")
print(json.dumps({"verdict": verdict, "vocab": len(vocab), "heavy": len(keys)}, sort_keys=True))
