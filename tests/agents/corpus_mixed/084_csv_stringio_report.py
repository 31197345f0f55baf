# Build a CSV report in an io.StringIO across several exports and approvals,
# read it back with csv.DictReader, and wrap the summary with textwrap.
import csv
import io
import textwrap
from string import Template

buf = io.StringIO()
writer = csv.DictWriter(buf, fieldnames=["id", "customer", "amount", "status"], lineterminator="\n")
writer.writeheader()
orders = export("orders")
for o in orders[:5]:
    writer.writerow({"id": o["id"], "customer": o["customer_id"], "amount": o["amount"], "status": o["status"]})
print("after first batch:", buf.tell(), len(buf.getvalue().splitlines()))

ok = approval("Append the second batch of orders")
if ok == "approved":
    for o in orders[5:]:
        writer.writerow({"id": o["id"], "customer": o["customer_id"], "amount": o["amount"], "status": o["status"]})
buf.write("# end\n")

rows = list(csv.DictReader(io.StringIO(buf.getvalue()).readlines()[:-1]))
paid = [r for r in rows if r["status"] == "paid"]
print(len(rows), [r["id"] for r in paid])
print(rows[0])
buf.seek(0)
first = buf.readline().strip()
print("header:", first, "pos", buf.tell())
buf.seek(0, io.SEEK_END)

note = llm("Summarize the order report with " + str(len(rows)) + " rows and " + str(len(paid)) + " paid")
buf.write(note + "\n")
tpl = Template("Report $name: $count rows, $$${total} paid")
total = sum(float(r["amount"]) for r in paid)
print(tpl.substitute(name="orders", count=len(rows), total=f"{total:.2f}"))
print(tpl.safe_substitute(name="x"))
print(textwrap.fill(note * 2, width=40, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(note, width=30, placeholder=" [...]"))
print(textwrap.dedent("""\
    a
      b
    c"""))
print(textwrap.indent("one\ntwo", "| "))
print(buf.getvalue().splitlines()[-3:])
sniff = csv.Sniffer().has_header(buf.getvalue().split("# end")[0])
print(sniff)
