# Sort the week's open orders into buckets: the model labels each order in
# a dict comprehension; collections.Counter and defaultdict(list) group the
# labels, and a defaultdict factory waits for the approval of a new queue.
import collections
from decimal import Decimal

orders = export("orders")
open_orders = [o for o in orders if o["status"] != "paid"]
labels = {o["id"]: llm(f"Classify: order {o['id']} is {o['status']}") for o in open_orders}

label_counts = collections.Counter(labels.values())
status_counts = collections.Counter(o["status"] for o in orders)
print(sorted(label_counts.items()), status_counts.most_common(2))

by_label = collections.defaultdict(list)
totals = collections.defaultdict(Decimal)
for order in open_orders:
    by_label[labels[order["id"]]].append(order["id"])
    totals[order["status"]] += Decimal(order["amount"])
print(dict(sorted(by_label.items())))
print({status: str(total) for status, total in sorted(totals.items())})

queues = collections.defaultdict(lambda: approval(f"Open a new queue ({len(queues)} open)"))
for label in sorted(by_label):
    print(label, "->", queues[label])
print(sorted(queues.items()))

combined = label_counts + collections.Counter({"bug": 1, "refund": 2})
print(sorted(combined.elements())[:4], (combined - label_counts).total())
print(label_counts.most_common(1)[0][0] in by_label, len(queues))
