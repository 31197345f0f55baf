# Drain the support queue with an assignment expression, answering each
# ticket with the model; short subjects get a canned answer.
tickets = {t["id"]: t for t in export("tickets")}
answered = []
while (task := next_task("support")) is not None:
    ticket = tickets[task["payload"]["ticket"]]
    if (n := len(ticket["subject"])) > 25:
        reply = llm(f"Draft a reply to: {ticket['subject']}")
    else:
        reply = f"Thanks for asking about {ticket['subject'].lower()}"
    answered.append((task["id"], n))
    print(f"task {task['id']} for {task['payload']['customer']}: {reply}")

if (missing := sorted(set(tickets) - {t for t, _ in answered})):
    print("not in the queue:", missing)
longest = max(answered, key=lambda pair: pair[1])
print(answered, longest, [m for m in (len(a) for a in map(str, answered)) if m > 5])
