# Read export rows through a cursor generator; when a row fails validation
# the agent closes the cursor explicitly, and the cursor's finally waits for
# the model's release note before the agent records the failure.
class BadRow(Exception):
    def __init__(self, row, reason):
        super().__init__(f"order {row['id']}: {reason}")
        self.row_id = row["id"]


def cursor(table):
    rows = export(table)
    served = 0
    try:
        for row in rows:
            served += 1
            yield row
    finally:
        note = llm(f"Summarize: cursor on {table} released after {served} rows")
        print("cursor released:", note)


def validate(row):
    if row["status"] == "disputed":
        raise BadRow(row, "disputed charge")
    return float(row["amount"])


rows = cursor("orders")
total = 0.0
try:
    for row in rows:
        total += validate(row)
except BadRow as err:
    print("stopped at", err.row_id, "-", err)
    rows.close()
    decision = approval(f"Record partial total {round(total, 2)} after {err}")
    print("decision:", decision)
print("total:", round(total, 2))
