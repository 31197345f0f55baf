# Triage support tickets in a TaskGroup: each task looks up the customer,
# asks the model for a label, runs a hot keyword-scoring loop and, for an
# urgent ticket, waits for a human review inside the task; the results are
# dataclasses sorted by score and dumped as JSON.
import asyncio
import json
from dataclasses import asdict, dataclass

WEIGHTS = {"crashes": 5, "fails": 4, "wrong": 3, "invoice": 2, "upload": 2, "export": 1, "login": 2}


@dataclass
class Triage:
    ticket: int
    customer: str
    score: int
    label: str
    review: str = "none"


def keyword_score(subject, rounds):
    words = [w.strip("?:").lower() for w in subject.split()]
    total = 0
    for i in range(rounds):
        word = words[i % len(words)]
        total += WEIGHTS.get(word, 0) * (1 + i % 3)
        if total > 5000:
            total = total // 2 + i
    return total


async def handle(ticket, results):
    rows = await query_rows("customers", ticket["customer_id"] - 1, 1)
    customer = rows[0]["name"]
    label = await ask_model(f"Classify: {ticket['subject']}")
    score = keyword_score(ticket["subject"], 300)
    review = "none"
    if ticket["priority"] <= 2:
        review = await request_review(f"Escalate ticket {ticket['id']} for {customer}: {ticket['subject']}")
        if review == "approved":
            score += 1000
    results.append(Triage(ticket["id"], customer, score, label, review))


async def main():
    tickets = await query_rows("tickets", 0, 10)
    results = []
    async with asyncio.TaskGroup() as group:
        for ticket in tickets:
            group.create_task(handle(ticket, results))
    results.sort(key=lambda t: (-t.score, t.ticket))
    for t in results:
        print(f"#{t.ticket:<3} {t.customer:<10} {t.score:5d} {t.label:<9} {t.review}")
    print(json.dumps([asdict(t) for t in results[:3]], sort_keys=True))
    top = results[0]
    decision = await request_review(f"Publish triage of {len(results)} tickets, top is #{top.ticket}")
    print("publish:", decision, "escalated:", sum(t.review == "approved" for t in results))


asyncio.run(main())
