# Classify tickets with as_completed, recording each label as it arrives;
# a label of "bug" triggers an llm plan right away (a sync wait between
# completions); results are printed in ticket order.
import asyncio
import collections


async def classify(ticket):
    label = await ask_model(f"Classify: {ticket['subject']}")
    return ticket["id"], label


async def main():
    tickets = await query_rows("tickets", 0, 10)
    labels, plans = {}, {}
    for next_done in asyncio.as_completed([classify(t) for t in tickets]):
        ticket_id, label = await next_done
        labels[ticket_id] = label
        if label == "bug":
            plans[ticket_id] = llm(f"Plan: fix ticket {ticket_id}")
    for ticket_id in sorted(labels):
        print(ticket_id, labels[ticket_id])
    for ticket_id in sorted(plans):
        print(f"plan for {ticket_id}:", plans[ticket_id].splitlines()[0])
    counts = collections.Counter(labels.values())
    print(sorted(counts.items()))


asyncio.run(main())
