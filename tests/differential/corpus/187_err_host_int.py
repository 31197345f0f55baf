# expect-error: ValueError
raw_rows = ["id=1,qty=3", "id=2,qty=10", "id=3,qty=x"]
def parse_row(row):
    fields = dict(part.split("=") for part in row.split(","))
    return {"id": int(fields["id"]), "qty": int(fields["qty"])}
total = 0
for row in raw_rows:
    parsed = parse_row(row)
    total += parsed["qty"]
    print("parsed", parsed, "running total", total)
print("not reached")
