# Work through the default queue: each task is matched by shape (mapping
# patterns, a class pattern on a dataclass with a guard) and dispatched to
# the tool it needs; pending answers are kept in tuples and printed later.
from dataclasses import dataclass


@dataclass
class Email:
    to: str
    subject: str


results = []
while (task := next_task("default")) is not None:
    match task:
        case {"kind": "summarize", "payload": str(text)}:
            results.append(("summary", llm(f"Summarize: {text}").removeprefix("Summary: ")))
        case {"kind": "email", "payload": {"to": to, "subject": subject}}:
            match Email(to, subject):
                case Email(to=address, subject=s) if address.endswith(".com"):
                    results.append(("email", send_email(address, s)["id"]))
                case _:
                    results.append(("email", "bad address"))
        case {"kind": "export", "payload": table}:
            rows = export(table)
            results.append(("export", f"{len(rows)} rows, {sum(1 for r in rows if r['status'] == 'paid')} paid"))
        case {"kind": "approve", "payload": text}:
            results.append(("approval", approval(text)))
        case {"kind": kind, **rest}:
            results.append(("skipped", f"{kind} {sorted(rest)}"))

for kind, value in results:
    print(f"{kind:<9}{value}")
print(len(results), sorted({kind for kind, _ in results}))
