# Render an invoice table whose column widths and precision come from tool
# results (nested f-string format specs), check totals with chained
# comparisons whose middle operand waits, and pick labels with conditional
# expressions.
from decimal import Decimal

invoices = export("invoices")
width = max(len(inv["customer"]) for inv in invoices) + 2
precision = len(llm("Classify: invoice precision"))  # a label's length, 3 to 8
print(f"width={width} precision={precision}")

for inv in invoices:
    net = Decimal(inv["net"])
    gross = net * (1 + Decimal(inv["vat_rate"]))
    print(f"{inv['number']}|{inv['customer']:>{width}}|{float(gross):{width}.{precision % 4}f}|{inv['due']:^{width - 2}}")

header = llm("Summarize: invoice report for March")
print(f"{header[:20]!r:<{width + 4}}|")
print(f"{'=' * width:s}")
print(f"{f'{len(invoices)} invoices':*^{width + 10}}")

low, high = 10, 90
for topic in ("refund policy", "login outage", "pricing change"):
    verdict = "in range" if low <= int(llm(f"Give a score for {topic}")) <= high else "out of range"
    print(f"{topic:<{len(topic) + 2}}{verdict}")

orders = export("orders")
amounts = [Decimal(o["amount"]) for o in orders]
print("ordered" if amounts[0] < amounts[1] < sum(amounts) else "not ordered")
print(f"{sum(amounts):,.2f}", f"{max(amounts):>12.1f}", f"{min(amounts):08.3f}")

sign = ">" if approval("Right-align the export columns") == "approved" else "<"
for o in orders[:3]:
    print(f"{o['id']:{sign}{width}}|{o['status']:{'^' if o['status'] == 'paid' else sign}10}|")

n = len(orders)
print(f"{n=} {width=:>5} {precision % 4=}")
label = "many" if n > 8 else "some" if n > 3 else "few"
print(f"{label!s:{'-'}^{n}}")
