# Route commands from a chat to tools with structural pattern matching.
from dataclasses import dataclass


@dataclass
class Ask:
    question: str


@dataclass
class Export:
    table: str
    limit: int = 3


commands = [
    Ask("what is our refund policy"),
    Export("orders", 2),
    {"action": "email", "to": "ana@example.com", "text": "hi"},
    ("approve", "Increase the ad budget"),
    ("approve", "Wire transfer to an unknown account"),
    ["search", "cheap hosting", 2],
    42,
]

for command in commands:
    match command:
        case Ask(question=q):
            answer = llm(f"Answer briefly: {q}")
            print("answer:", answer)
        case Export(table, limit) if limit > 0:
            rows = export(table)
            print("rows:", [r["id"] for r in rows[:limit]])
        case {"action": "email", "to": to, **rest}:
            print("email:", send_email(to, rest["text"])["status"], sorted(rest))
        case ("approve", text):
            verdict = approval(text)
            print(f"approval of {text!r}: {verdict}")
        case ["search", query, int(n)]:
            print("search:", [r["title"] for r in search(query, limit=n)])
        case _:
            print("unknown command:", command)
