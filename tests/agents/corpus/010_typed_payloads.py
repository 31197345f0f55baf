# Build typed payloads for a CRM from model output given as JSON.
import json
from typing import TypedDict


class Insight(TypedDict):
    customer: str
    sentiment: str
    priority: int
    tags: list


class Payload(TypedDict, total=False):
    insights: list
    source: str


tickets = export("tickets")
customers = {c["id"]: c["name"] for c in export("customers")}
payload: Payload = {"insights": [], "source": "tickets"}
for ticket in tickets[:4]:
    raw = llm(f"Return JSON describing this ticket: {ticket['subject']}")
    data = json.loads(raw)
    insight: Insight = {
        "customer": customers[ticket["customer_id"]],
        "sentiment": data["sentiment"],
        "priority": data["priority"],
        "tags": data["tags"],
    }
    payload["insights"].append(insight)

print(Insight.__required_keys__ == {"customer", "sentiment", "priority", "tags"})
print(sorted(Payload.__optional_keys__))
urgent = [i["customer"] for i in payload["insights"] if i["priority"] >= 3]
print("urgent:", urgent)
print(json.dumps(payload, indent=2, sort_keys=True))
db_write(payload["insights"], table="insights")
