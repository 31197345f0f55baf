# Reconcile access grants: frozen dataclass Grant records go through set
# union, difference and intersection in a hot audit helper called 100
# times, dataclasses.replace() renews them, and large removals on audit
# days wait for approval.
import dataclasses
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Grant:
    user: str
    resource: str
    level: int = 1

    def widen(self):
        return dataclasses.replace(self, level=self.level + 1)


USERS = ["ana", "ben", "cho", "dev"]
RESOURCES = ["billing", "crm", "deploy", "wiki", "logs"]


def wanted(day):
    return {Grant(USERS[(day + k) % 4], RESOURCES[(day // 3 + 2 * k) % 5], 1 + (day // 4 + k) % 2) for k in range(7)}


def audit(current, day):
    target = wanted(day)
    keep = current & target
    add = target - current
    remove = current - target
    widened = {g.widen() for g in keep if g.level == 1 and day % 10 == 0}
    return (keep - {g for g in keep if g.widen() in widened}) | add | widened, len(add), remove


current = wanted(0)
added_total = 0
removed_log = []
for day in range(1, 101):
    current, added, removed = audit(current, day)
    added_total += added
    if len(removed) >= 3 and day % 9 == 0:
        who = sorted({g.user for g in removed})
        removed_log.append((day, approval(f"Revoke {len(removed)} grants of {', '.join(who)}")))

print("grants:", len(current), "added:", added_total)
print("removals:", removed_log[:6], len(removed_log))
print(sorted((g.user, g.resource, g.level) for g in current))
by_user = {u: sorted(g.resource for g in current if g.user == u) for u in USERS}
print(json.dumps(by_user, sort_keys=True))
print(Grant("ana", "wiki") in current, Grant("ana", "wiki").widen() == Grant("ana", "wiki", 2))
