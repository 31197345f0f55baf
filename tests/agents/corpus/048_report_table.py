# A fixed-width customer report with column formatting; each row includes a
# model-written one-line note.
customers = export("customers")
orders = export("orders")
totals = {}
for order in orders:
    totals[order["customer_id"]] = totals.get(order["customer_id"], 0.0) + float(order["amount"])

header = f"{'ID':>3} | {'Name':<10} | {'Tier':^8} | {'Total':>9} | Note"
print(header)
print("-" * len(header))
for customer in customers:
    note = llm(f"Classify customer {customer['name']}")
    total = totals.get(customer["id"], 0)
    print(f"{customer['id']:>3} | {customer['name']:<10} | {customer['tier']:^8} | {total:>9,.2f} | {note}")
print("-" * len(header))
grand = sum(totals.values())
print(f"{'':>3}   {'TOTAL':<10}   {'':^8}   {grand:>9,.2f}")
print(format(grand, "e"), f"{grand:_.1f}", f"{0.1234:.1%}", "{:08.3f}".format(3.14159))
