# A slow report tool gets 50 ms (asyncio.wait_for); on timeout the agent
# falls back to querying the rows itself, then asks to share the figure.
import asyncio


async def revenue(quarter):
    try:
        report = await asyncio.wait_for(slow_report(f"revenue-{quarter}"), timeout=0.05)
        return report, "report"
    except asyncio.TimeoutError:
        rows = []
        offset = 0
        while page := await query_rows("orders", offset, 4):
            rows.extend(page)
            offset += len(page)
        paid = sum(float(r["amount"]) for r in rows if r["status"] == "paid")
        return f"{paid:.2f} EUR from {len(rows)} orders", "fallback"


async def main():
    figure, source = await revenue("Q1")
    print(source, figure)
    quick = await asyncio.wait_for(ask_model(f"Summarize: revenue was {figure}"), timeout=10)
    print(quick)
    decision = approval(f"Share the Q1 revenue ({figure}) with the team")
    print("decision:", decision)
    if decision == "approved":
        send_email("team@hooli.example", quick)


asyncio.run(main())
