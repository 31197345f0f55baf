# A contract needs the approval of legal, finance and the CEO, in order; the
# chain stops at the first rejection.
from typing import NamedTuple


class Reviewer(NamedTuple):
    role: str
    name: str
    limit: int


CHAIN = [Reviewer("legal", "cho", 10_000), Reviewer("finance", "ben", 50_000), Reviewer("ceo", "ana", 10**6)]


def route(contract, amount):
    trail = []
    for reviewer in CHAIN:
        text = f"{reviewer.role} ({reviewer.name}): {contract} for {amount} EUR"
        decision = approval(text)
        trail.append(f"{reviewer.role}:{decision}")
        if decision != "approved":
            return False, trail
        if amount <= reviewer.limit:
            return True, trail
    return True, trail


for contract, amount in [("hosting renewal", 8_000), ("office lease", 120_000), ("production database wipe", 5)]:
    ok, trail = route(contract, amount)
    print(f"{contract}: {'signed' if ok else 'stopped'} after {' > '.join(trail)}")
print(CHAIN[0], CHAIN[1]._fields, max(CHAIN, key=lambda r: r.limit).role)
