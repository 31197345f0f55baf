# Weekly sales report: join orders with customers, group by tier and country,
# and mail the summary to the sales team.
from collections import defaultdict
from decimal import Decimal

customers = {c["id"]: c for c in export("customers")}
orders = export("orders")

by_tier = defaultdict(Decimal)
by_country = defaultdict(list)
for order in orders:
    if order["status"] != "paid":
        continue
    customer = customers[order["customer_id"]]
    by_tier[customer["tier"]] += Decimal(order["amount"])
    by_country[customer["country"]].append(order["id"])

lines = ["Sales by tier:"]
for tier, amount in sorted(by_tier.items(), key=lambda item: item[1], reverse=True):
    lines.append(f"  {tier:<8}{amount:>10} EUR")
lines.append("Orders by country:")
for country in sorted(by_country):
    ids = ", ".join(str(i) for i in by_country[country])
    lines.append(f"  {country}: {ids}")

report = "\n".join(lines)
print(report)
summary = llm(f"Summarize for the sales team: {report}")
result = send_email("sales@example.com", f"{summary}\n\n{report}")
print(result["status"], result["id"])
print({tier: str(amount) for tier, amount in sorted(by_tier.items())})
