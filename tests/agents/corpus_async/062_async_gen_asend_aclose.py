# Two async generators: a running-average accumulator driven by asend() in
# a hot loop (it waits for a review halfway), and an invoice stream whose
# finally waits for a review when the consumer closes it early with
# aclose(); aiter()/anext() start it. Top-level await.
from decimal import Decimal


async def averager():
    total, count, average = 0.0, 0, None
    while True:
        value = yield average
        total += value
        count += 1
        if count == 200 and await request_review(f"Keep averaging past {count} values") != "approved":
            total, count = value, 1
        average = round(total / count, 3)


async def invoice_stream(audit):
    offset = 0
    try:
        while True:
            rows = await query_rows("invoices", offset, 2)
            if not rows:
                return
            offset += len(rows)
            for row in rows:
                yield row
    finally:
        decision = await request_review(f"Archive the invoice stream after {offset} rows")
        audit.append(("closed", offset, decision == "approved"))


acc = averager()
await acc.asend(None)
for i in range(400):
    avg = await acc.asend((i * 37) % 101)
print("running average:", avg)
await acc.aclose()

audit = []
stream = invoice_stream(audit)
it = aiter(stream)
first = await anext(it)
print("first:", first["number"], first["customer"])
seen = [first["number"]]
async for inv in it:
    gross = (Decimal(inv["net"]) * (1 + Decimal(inv["vat_rate"]))).quantize(Decimal("0.01"))
    seen.append(inv["number"])
    if gross > 1000:
        label = await ask_model(f"Classify: large invoice {inv['number']} of {gross}")
        print("stopping at", inv["number"], gross, label)
        break
await stream.aclose()
print("seen:", seen, "audit:", audit)
print(await request_review(f"Pay invoices {', '.join(seen)}"))
