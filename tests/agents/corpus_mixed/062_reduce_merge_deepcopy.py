# Merge per-country statistics: functools.reduce folds order rows into a
# nested dict, its function waits for the model's label of each customer;
# dict and set comprehensions keyed by tool results; a deep copy of the merged
# totals before approvals, asked inside a decimal localcontext, change them.
import copy
import functools
import operator
from decimal import ROUND_DOWN, Decimal, localcontext

customers = {c["id"]: c for c in export("customers")}
orders = export("orders")
label_of = {}


def fold(acc, row):
    cust = customers[row["customer_id"]]
    country = acc.setdefault(cust["country"], {"total": Decimal("0"), "labels": set(), "ids": []})
    country["total"] += Decimal(row["amount"])
    if cust["name"] not in label_of:
        label_of[cust["name"]] = llm(f"Classify the customer account {cust['name']}")
    country["labels"].add(label_of[cust["name"]])
    country["ids"].append(row["id"])
    return acc


merged = functools.reduce(fold, orders, {})
for country, stats in sorted(merged.items()):
    print(country, stats["total"], sorted(stats["labels"]), stats["ids"])


def merge(a, b):
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


per_status = [{row["status"]: 1} for row in orders]
counted = functools.reduce(merge, per_status, {})
print(sorted(counted.items()), functools.reduce(operator.mul, (len(k) for k in counted), 1))
by_label = {label: {c for c, lab in label_of.items() if lab == label} for label in set(label_of.values())}
print({k: sorted(v) for k, v in sorted(by_label.items())})

snapshot = copy.deepcopy(merged)
with localcontext() as ctx:
    ctx.prec = 5
    ctx.rounding = ROUND_DOWN
    answers = {country: approval(f"Apply a discount for {country}") for country in sorted(merged)}
    for country, answer in answers.items():
        if answer == "approved":
            merged[country]["total"] *= Decimal("0.9")
            merged[country]["labels"].add("discounted")
print({c: (str(snapshot[c]["total"]), str(merged[c]["total"].quantize(Decimal("0.01")))) for c in sorted(merged)})
print(snapshot["US"]["labels"] == merged["US"]["labels"], snapshot is not merged)
longest = functools.reduce(lambda a, b: a if len(label_of[a]) >= len(label_of[b]) else b, sorted(label_of))
print(longest, label_of[longest])
