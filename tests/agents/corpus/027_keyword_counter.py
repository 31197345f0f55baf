# Count keywords in model summaries of every ticket, and report the most
# common ones.
import re
from collections import Counter

STOP = {"the", "a", "of", "and", "to", "for", "on", "my", "i", "do", "how"}
tickets = export("tickets")
words = Counter()
per_ticket = {}
for ticket in tickets:
    summary = llm(f"Summarize ticket {ticket['id']}: {ticket['subject']}")
    tokens = [w for w in re.findall(r"[a-z]+", summary.lower()) if w not in STOP]
    per_ticket[ticket["id"]] = Counter(tokens)
    words.update(tokens)

print(words.most_common(5))
print({tid: c.total() for tid, c in per_ticket.items()})
common = per_ticket[7] & per_ticket[11]
print("shared by 7 and 11:", sorted(common.elements()))
print((per_ticket[9] + per_ticket[10]).most_common(3))
