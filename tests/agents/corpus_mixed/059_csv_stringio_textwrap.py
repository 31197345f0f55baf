# Export a support report: csv rows written to io.StringIO with a DictWriter,
# model summaries wrapped with textwrap, a dict of column widths, and the csv
# read back with DictReader between waits.
import csv
import io
import textwrap

tickets = export("tickets")
customers = {c["id"]: c for c in export("customers")}


def render(rows):
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["id", "customer", "priority", "summary"], quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


rows = []
for number, t in enumerate(sorted(tickets, key=lambda t: (t["priority"], t["id"])), start=1):
    summary = llm(f"Summarize the ticket: {t['subject']}, for {customers[t['customer_id']]['name']}")
    rows.append({"id": t["id"], "customer": customers[t["customer_id"]]["name"], "priority": t["priority"], "summary": summary})
    if number == 3:
        break
report = render(rows)
print(report, end="")
reader = csv.DictReader(io.StringIO(report))
parsed = list(reader)
print(reader.fieldnames, [r["priority"] for r in parsed], parsed[0] == {k: str(v) for k, v in rows[0].items()})
for r in parsed:
    wrapped = textwrap.fill(r["summary"], width=30, initial_indent="  * ", subsequent_indent="    ")
    print(r["customer"])
    print(wrapped)
print(textwrap.shorten(rows[-1]["summary"], width=25, placeholder=" [..]"))
note = approval("Send the report of " + str(len(rows)) + " tickets to the team")
print(textwrap.indent(textwrap.dedent(f"""\
    Report status: {note}
      rows: {len(parsed)}
    """), "> ", lambda line: not line.startswith("  ")), end="")
out = io.StringIO()
w = csv.writer(out, delimiter=";", quotechar="'", quoting=csv.QUOTE_NONNUMERIC)
w.writerow(["id", "label", 1.5])
for r in parsed:
    w.writerow([int(r["id"]), llm(f"Classify this ticket: {r['summary']}"), float(r["priority"])])
print(out.getvalue().splitlines())
