# Async comprehensions at top level: awaited model calls in a list
# comprehension, an async for over the pager with a filter, and a dict
# comprehension whose values wait for an llm score.
import json

prompts = [f"Classify: {t}" for t in ("refund request", "crash on start", "new feature idea")]
labels = [await ask_model(p) for p in prompts]
print(labels)

big = [o async for o in paged_rows("orders", 4) if float(o["amount"]) > 50]
print([o["id"] for o in big])

scores = {o["id"]: int(llm(f"Give a score for order {o['id']} of {o['amount']}")) async for o in paged_rows("orders", 5) if o["status"] == "paid"}
print(json.dumps(scores, sort_keys=True))
best = max(scores, key=scores.get)
print("best:", best, approval(f"Feature order {best} in the newsletter"))
