# Escalate by severity: an Enum member's method waits for the approval of
# the escalation it describes.
import enum


class Severity(enum.Enum):
    LOW = 1
    HIGH = 2
    CRITICAL = 3

    def escalate(self, incident):
        if self is Severity.LOW:
            return "logged"
        decision = approval(f"Page the on-call team for {incident} ({self.name.lower()})")
        return "paged" if decision == "approved" else "not paged"


for incident, severity in [("slow search", Severity.LOW), ("uploads down", Severity.CRITICAL)]:
    print(incident, severity.name, "->", severity.escalate(incident))
print(Severity(2).escalate("billing errors"))
