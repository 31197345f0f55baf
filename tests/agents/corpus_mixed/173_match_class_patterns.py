# Route 1400 webhook events with match: dataclass events matched by class
# patterns with positional and keyword sub-patterns, nested class patterns,
# guards, OR-patterns with `as` captures, a plain class with __match_args__
# holding mappings and sequences; fraud refunds wait for approval and odd
# payloads ask the model, inside the match arms of a hot routing function.
from collections import defaultdict
from dataclasses import dataclass


@dataclass
class Payment:
    id: int
    amount: int
    currency: str


@dataclass
class Refund:
    id: int
    payment: Payment
    reason: str


class Raw:
    __match_args__ = ("kind", "body")

    def __init__(self, kind, body):
        self.kind, self.body = kind, body


def make(i):
    k = i % 7
    if k in (0, 3):
        return Payment(i, (i * 97) % 1200, ("EUR", "USD", "GBP")[i % 3])
    if k == 1:
        return Refund(i, Payment(i - 1, (i * 31) % 2000, "EUR"), ("damaged", "late", "fraud")[i % 3])
    if k in (2, 5):
        return Raw("signup", {"plan": ("free", "pro", "team")[i % 3], "referrer": f"u{i - 7}" if i % 4 == 0 else None})
    return Raw("ping", {"seq": i}) if k == 4 else Raw("mystery", [i, i * 2])


def route(event, totals):
    match event:
        case Payment(_, amount, "EUR") if amount >= 1000:
            totals["eur_big"] += amount
            return "big"
        case Payment(currency="USD" | "GBP" | "EUR" as cur, amount=a):
            totals[cur] += a
            return cur.lower()
        case Refund(payment=Payment(amount=a), reason="fraud") if a > 1900:
            return "fraud-" + approval(f"Refund {event.id} of {a} EUR flagged as fraud")
        case Refund(reason=r):
            return f"refund-{r}"
        case Raw("signup", {"plan": "team" | "pro" as plan, "referrer": str()}):
            return f"referral-{plan}"
        case Raw("signup", {"plan": p}):
            return f"signup-{p}"
        case Raw("ping", {"seq": int(n)}) if n % 100 == 4:
            return "ping-100"
        case Raw(kind, [a, b]) if b == 2 * a and a % 50 == 6:
            return "odd-" + llm(f"Classify: unknown webhook {kind} with {a}")
        case Raw(kind, _):
            return kind


totals, outcomes = defaultdict(int), defaultdict(int)
for i in range(1400):
    outcomes[route(make(i), totals)] += 1
print(sorted(outcomes.items()), dict(sorted(totals.items())))
