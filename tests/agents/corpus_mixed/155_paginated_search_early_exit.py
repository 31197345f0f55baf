# Page through search results for each of 12 questions and stop at the first
# good hit: the paginator generator loops over pages, logs its cursor in a
# `finally` when the consumer breaks out, and the model confirms some hits.
import json

QUESTIONS = ["refund policy", "vat invoice", "dark mode", "bulk delete", "export csv", "password reset"]
closed = []


def paginate(query, pages):
    cursor = 0
    try:
        for page in range(pages):
            for hit in search(f"{query} page {page}", limit=4):
                cursor += 1
                yield page, hit
    finally:
        closed.append((query, cursor))
        effect({"closed": query, "cursor": cursor})


def good(hit, threshold):
    return hit["score"] >= threshold


answers = {}
cost = {}
for round_no in range(2):
    for i, q in enumerate(QUESTIONS):
        threshold = 0.99 - 0.02 * ((i + round_no) % 4)
        found = None
        for page, hit in paginate(q, 5):
            if page < (i + round_no) % 3 or not good(hit, threshold):
                continue
            found = (page, hit["url"].rsplit("/", 2)[-2])
            break
        read_for, cursor = closed[-1]
        cost[q] = cost.get(q, 0) + cursor
        if found and (i + round_no) % 3 == 0:
            verdict = llm(f"Answer yes or no: does {found[1]} answer {q}")
            found = found + (verdict,)
        answers[f"{round_no}:{q}"] = found
        effect({"question": q, "round": round_no, "found": found, "read": read_for == q})

print(json.dumps(answers, sort_keys=True))
print("closed:", closed)
print("cursor total:", sum(c for _, c in closed), json.dumps(cost, sort_keys=True))
