# Store ticket summaries as plain dicts: dataclasses.asdict copies records
# whose fields hold the model's answers, then db_write stores them.
from dataclasses import asdict, dataclass


@dataclass
class Summary:
    ticket: int
    text: str
    label: str


records = []
for ticket, subject in [(7, "Login fails after password reset"), (10, "How do I export my data?")]:
    records.append(Summary(ticket, llm(f"Summarize: {subject}"), llm(f"Classify: {subject}")))
rows = [asdict(record) for record in records]
print(db_write(rows, table="summaries"), "rows")
print(rows[0]["label"], rows[1]["text"])
