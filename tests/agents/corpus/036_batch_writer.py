# Write events to the warehouse in batches; every batch needs an approval and
# rejected batches are kept for later.
import itertools


def batched(items, size):
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


events = export("events")
written, held = 0, []
for number, chunk in enumerate(batched(events, 3), start=1):
    users = sorted({e["user"] for e in chunk})
    text = f"Write batch {number} ({len(chunk)} events of {', '.join(users)})"
    if number == 2:
        text += " to production"
    decision = approval(text)
    if decision == "approved":
        written += db_write(chunk, table="events")
    else:
        held.append(number)
    print(f"batch {number}: {decision}")
print("written:", written, "held:", held)
