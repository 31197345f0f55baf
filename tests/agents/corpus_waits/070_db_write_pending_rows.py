# Store a label per ticket with one bulk write: db_write receives rows that
# hold pending answers, and must write once, all rows.
tickets = {
    7: "Login fails after password reset",
    9: "Invoice shows wrong VAT",
    11: "App crashes on upload",
}
rows = []
for ticket_id, subject in tickets.items():
    rows.append({"ticket": ticket_id, "label": llm(f"Classify: {subject}")})

written = db_write(rows, table="labels")
print("written:", written)

labels = [row["label"] for row in rows]
print(labels)
print("bugs:", [row["ticket"] for row in rows if row["label"] == "bug"])
