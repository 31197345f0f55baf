# Dispatch agent actions with match on class patterns: dataclasses with
# __match_args__, guards that wait for the model or an approval, nested
# patterns and a global counter mutated from a function.
from dataclasses import dataclass

HANDLED = 0


@dataclass
class Email:
    to: str
    body: str


@dataclass
class Export:
    table: str
    limit: int = 3


@dataclass
class Risky:
    action: str


def bump():
    global HANDLED
    HANDLED += 1
    return HANDLED


def plan_actions():
    for task in [next_task() for _ in range(7)]:
        match task["kind"], task["payload"]:
            case "email", {"to": to, "subject": subject}:
                yield Email(to, subject)
            case "export", str(table):
                yield Export(table)
            case "approve", str(text):
                yield Risky(text)
            case "summarize", str(text):
                yield Email("ana@example.com", llm(f"Summarize: {text}"))
            case kind, _:
                print("unknown kind:", kind)


log = []
for action in plan_actions():
    match action:
        case Email(to, body) if llm(f"Answer yes or no: send '{body[:20]}'?") == "yes":
            log.append((bump(), "sent", send_email(to, body)["id"]))
        case Email(to=to):
            log.append((bump(), "held", to))
        case Export(table, limit=n):
            log.append((bump(), "exported", len(export(table)[:n])))
        case Risky(action=text) if approval(text) == "approved":
            log.append((bump(), "approved", text[:20]))
        case Risky():
            log.append((bump(), "rejected", action.action[:20]))

def reviewer():
    verdicts = []
    while (text := (yield verdicts)) is not None:
        verdicts.append(approval(text)[0])


r = reviewer()
next(r)
for _, kind, detail in log:
    r.send(f"{kind}: {detail}")
print(r.send("wire transfer of the rest"))
for entry in log:
    print(*entry)
print("handled:", HANDLED, [kind for _, kind, _ in log].count("sent"))
