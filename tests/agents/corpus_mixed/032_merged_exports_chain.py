# Merge several exports into one list of records: the exports are requested
# by a generator expression and flattened with itertools.chain.from_iterable
# (and chain(*...)) while still pending, then grouped and totalled.
import collections
import itertools
from decimal import Decimal

tables = ["orders", "tickets"]
records = list(itertools.chain.from_iterable(export(t) for t in tables))
print(len(records), sorted(collections.Counter(len(r) for r in records).items()))

ids = [r["id"] for r in itertools.chain(*(export(t) for t in ["customers", "tickets"]))]
print(len(ids), ids[:3], ids[-3:])

by_customer = collections.defaultdict(list)
for record in records:
    if "customer_id" in record:
        by_customer[record["customer_id"]].append(record["id"])
print(dict(sorted(by_customer.items())))

paid = sum(Decimal(r["amount"]) for r in records if r.get("status") == "paid")
verdict = approval(f"Report {paid} EUR of paid orders across {len(tables)} exports")
print(paid, verdict)
flat = sum((export(t) for t in ["invoices"]), [])
print(len(flat), flat[0]["number"])

first_two = list(itertools.islice(itertools.chain.from_iterable([export("events"), export("orders")]), 2))
print([sorted(r)[0] for r in first_two])
try:
    export("payments")
except ToolError as error:
    print("skipped:", error.message, error.code)
