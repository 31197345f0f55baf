# Draft a customer update with an async model client awaited at top level,
# then ask a human to approve sending it (the wait is at module level).
import json

client = AsyncLLM(model="mini", temperature=0.2)
orders = await query_rows("orders", 0, 4)
paid = [o for o in orders if o["status"] == "paid"]
total = sum(float(o["amount"]) for o in paid)

draft = await client.complete(f"Summarize: {len(paid)} paid orders worth {total:.2f} EUR this week")
labels = [await client.complete(f"Classify: order {o['id']} is {o['status']}") for o in orders]
print(draft)
print(labels)

decision = approval(f"Send the weekly update ({len(draft)} characters) to 3 customers")
if decision == "approved":
    for customer in ("ops@acme.example", "billing@globex.example", "it@initech.example"):
        send_email(customer, draft)
print(json.dumps({"decision": decision, "calls": client.calls, "total": round(total, 2)}, sort_keys=True))
