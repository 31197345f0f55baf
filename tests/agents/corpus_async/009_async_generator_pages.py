# Walk the invoices page by page with a script async generator over an async
# query tool; each invoice's reminder text comes from the model, and the
# export of customers is waited for inside the generator.
import asyncio
from decimal import Decimal


async def invoices(page_size=2):
    customers = {c["name"]: c for c in export("customers")}
    offset = 0
    while True:
        page = await query_rows("invoices", offset, page_size)
        if not page:
            return
        for row in page:
            yield row, customers.get(row["customer"])
        offset += page_size


async def main():
    reminders = []
    total = Decimal("0")
    async for invoice, customer in invoices():
        gross = Decimal(invoice["net"]) * (1 + Decimal(invoice["vat_rate"]))
        total += gross
        if customer is None:
            print("no customer for", invoice["number"])
            continue
        text = llm(f"Summarize: remind {customer['name']} about {invoice['number']} of {gross:.2f} EUR")
        reminders.append((invoice["number"], customer["email"], text))
    for number, email, text in reminders:
        print(number, email, len(text))
    print("total gross:", total.quantize(Decimal("0.01")))


asyncio.run(main())
