# When an import step fails, ask for a human decision while the error is
# being handled, then log the full traceback for the incident record.
import traceback


class ImportStepError(Exception):
    pass


def parse_amount(row):
    return float(row["amount"].replace("EUR", ""))


def import_rows(rows):
    total = 0.0
    for row in rows:
        try:
            total += parse_amount(row)
        except (KeyError, ValueError) as err:
            raise ImportStepError(f"row {row.get('id')} is malformed") from err
    return total


batches = [export("orders")[:3], [{"id": 901, "amount": "12,50 EUR"}], [{"id": 902}]]
for number, rows in enumerate(batches, 1):
    try:
        print(f"batch {number}: total {import_rows(rows):.2f}")
    except ImportStepError as err:
        decision = approval(f"Skip malformed batch {number}: {err}")
        print(f"batch {number}: {decision}")
        print(traceback.format_exc())
        print("context:", repr(err.__cause__), err.__suppress_context__)
