# Draft replies to three tickets at once: the records hold the model's
# answers while they are still pending; print() of the dict of
# dataclasses, asdict() and one db_write wait for them.
from dataclasses import asdict, dataclass, field, replace


@dataclass
class Draft:
    customer: int
    subject: str
    body: object = None
    tags: list = field(default_factory=list)


drafts = {}
for row in export("tickets")[:3]:
    draft = Draft(row["customer_id"], row["subject"])
    draft.body = llm(f"Summarize: reply to {row['subject']}")
    draft.tags.append(llm(f"Classify: {row['subject']}"))
    drafts[row["id"]] = draft

print(drafts)
print({ticket: d.tags for ticket, d in drafts.items()})

rows = [asdict(d) | {"ticket": ticket} for ticket, d in drafts.items()]
print(db_write(rows, table="drafts"), [sorted(r) for r in rows[:1]])

final = {t: replace(d, body=d.body.removeprefix("Summary: ")) for t, d in drafts.items()}
for ticket, draft in final.items():
    print(f"#{ticket} {draft.subject!r}: {draft.body} {draft.tags}")
print(final == drafts, next(iter(final.values())) == replace(next(iter(final.values()))))
