# Build per-customer order digests 150 times over: hot helpers made of
# dict, set and list comprehensions, nested comprehensions and a generator
# passed to sorted(); the model labels each customer once, in a helper.
import json

orders = export("orders")
customers = {c["id"]: c for c in export("customers")}
labels = {}


def label(cid):
    if cid not in labels:
        labels[cid] = llm(f"Classify: customer {customers[cid]['name']} in {customers[cid]['country']}")
    return labels[cid]


def digest(rows, status):
    amounts = {r["id"]: float(r["amount"]) for r in rows if r["status"] == status}
    owners = {r["customer_id"] for r in rows if r["id"] in amounts}
    pairs = [(label(c), customers[c]["tier"]) for c in sorted(owners)]
    return {"n": len(amounts), "sum": round(sum(amounts.values()), 2), "pairs": pairs}


def matrix(rows):
    return [[sum(1 for r in rows if r["customer_id"] == c and r["status"] == s) for s in ("paid", "pending")] for c in sorted(customers)]


results = []
for k in range(150):
    status = ("paid", "refunded", "pending", "disputed")[k % 4]
    window = orders[k % 5 : k % 5 + 6]
    results.append(digest(window, status))
print("first:", json.dumps(results[0], sort_keys=True))
print("sums:", sorted({r["sum"] for r in results})[:6])
print("matrix:", matrix(orders))
flat = sorted({lab for r in results for lab, _ in r["pairs"]})
print("labels:", flat)
tiers = {t: [c for c in customers if customers[c]["tier"] == t] for t in ("gold", "silver", "bronze")}
print(json.dumps(tiers, sort_keys=True))
print(json.dumps({str(k): v for k, v in sorted(labels.items())}))
