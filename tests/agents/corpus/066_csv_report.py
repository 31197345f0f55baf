# Write a CSV report of invoices with the model's collection advice per row,
# to a text buffer that is mailed at the end.
import csv
import io

buffer = io.StringIO()
writer = csv.writer(buffer)
writer.writerow(["number", "customer", "net", "advice"])
for invoice in export("invoices"):
    advice = llm(f"Classify collection risk for {invoice['customer']}")
    writer.writerow([invoice["number"], invoice["customer"], invoice["net"], advice])

report = buffer.getvalue()
print(report, end="")
rows = list(csv.DictReader(io.StringIO(report)))
print(len(rows), rows[0]["advice"], sorted({r["advice"] for r in rows}))
send_email("finance@example.com", report)
