# Export agent: memory records serialized with a waiting default= hook,
# read back with an object_hook, money rounded with decimal in a local
# context, and printed with textwrap.
import decimal
import io
import json
import textwrap
from decimal import Decimal


class Pending:
    def __init__(self, prompt):
        self.prompt = prompt
        self.answer = llm(prompt)


def encode(obj):
    if isinstance(obj, Pending):
        return {"prompt": obj.prompt[:20], "answer": obj.answer[:30]}
    if isinstance(obj, Decimal):
        return str(obj)
    raise TypeError(type(obj).__name__)


rows = export("invoices")
records = [{"n": r["number"], "net": Decimal(r["net"]), "note": Pending(f"Summarize invoice {r['number']}")} for r in rows[:2]]
buf = io.StringIO()
json.dump(records, buf, default=encode, sort_keys=True)
buf.seek(0)
back = json.load(buf, object_hook=lambda d: {k.upper(): v for k, v in d.items()}, parse_float=Decimal)
print(back[0]["N"], back[1]["NOTE"]["ANSWER"])
with decimal.localcontext() as ctx:
    ctx.prec = 6
    ctx.rounding = decimal.ROUND_HALF_EVEN
    gross = [Decimal(r["net"]) * (1 + Decimal(r["vat_rate"])) for r in rows]
    print([str(g.quantize(Decimal("0.01"))) for g in gross], sum(gross, start=Decimal("0")))
ok = approval(f"Send {len(rows)} invoices totalling {sum(Decimal(r['net']) for r in rows)}")
print(textwrap.fill(f"decision {ok}: " + " ".join(r["customer"] for r in rows), width=30))
print(textwrap.shorten(json.dumps(back), width=60), textwrap.indent("a\nb", "> "))
