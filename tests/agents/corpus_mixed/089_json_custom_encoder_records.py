# Collect invoice records with Decimal amounts and dates, serialize them with a
# JSONEncoder subclass (indent, sort_keys) before and after approvals, and
# decode them again with an object_hook-free parse_float.
import json
from datetime import date, datetime, timedelta
from decimal import Decimal


class RecordEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return str(o.quantize(Decimal("0.01")))
        if isinstance(o, (date, datetime)):
            return o.isoformat()
        if isinstance(o, timedelta):
            return o.days
        return super().default(o)


enc = RecordEncoder(indent=2, sort_keys=True)
today = date(2024, 3, 25)
records = []
for inv in export("invoices"):
    due = date.fromisoformat(inv["due"])
    gross = Decimal(inv["net"]) * (1 + Decimal(inv["vat_rate"]))
    records.append({"number": inv["number"], "gross": gross, "due": due, "overdue_by": today - due})
print(enc.encode(records[:2]))

overdue = [r for r in records if r["due"] < today]
for r in overdue:
    d = approval(f"Send reminder for {r['number']} overdue by {(today - r['due']).days} days")
    r["reminded"] = d
    r["next"] = today + timedelta(weeks=1)
print(json.dumps(overdue, cls=RecordEncoder, sort_keys=True))

text = json.dumps(records, cls=RecordEncoder)
back = json.loads(text, parse_float=Decimal)
print(type(back[0]["overdue_by"]).__name__, back[0]["gross"], sorted(back[-1]))
try:
    json.dumps({"x": {1, 2}}, cls=RecordEncoder)
except TypeError as e:
    print("TypeError:", e)
raw = llm("Return JSON for the overdue invoices " + ", ".join(r["number"] for r in overdue))
data = json.loads(raw)
data["checked"] = today
print(json.dumps(data, cls=RecordEncoder, indent=1, sort_keys=True))
print(list(enc.iterencode({"a": Decimal("1.005")})))
print(json.dumps({"b": 1, "a": [1, 2]}, indent="\t", sort_keys=True, ensure_ascii=False))
