# An async generator streams invoices page by page and logs when it is
# closed; the consumer asks the model about each one, stops early after a
# rejected approval and closes the generator explicitly with aclose().
import asyncio
from decimal import Decimal


async def invoices(page_size=2):
    offset = 0
    try:
        while True:
            rows = await query_rows("invoices", offset, page_size)
            if not rows:
                return
            for row in rows:
                yield row
            offset += len(rows)
    finally:
        effect({"stream": "invoices", "closed_at": offset})


async def main():
    stream = invoices()
    handled = []
    async for inv in stream:
        gross = Decimal(inv["net"]) * (1 + Decimal(inv["vat_rate"]))
        gross = gross.quantize(Decimal("0.01"))
        label = await ask_model(f"Classify invoice {inv['number']} for {inv['customer']}")
        decision = approval(f"Pay {inv['number']} of {gross} EUR")
        handled.append((inv["number"], str(gross), label, decision))
        if gross > 3000:
            print("stopping at a large invoice:", inv["number"])
            break
    await stream.aclose()
    for row in handled:
        print(*row)
    print("handled:", len(handled))
    summary = llm(f"Summarize: handled invoices {[h[0] for h in handled]}")
    print(summary)


asyncio.run(main())
