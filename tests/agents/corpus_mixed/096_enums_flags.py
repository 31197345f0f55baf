# Review levels and permissions as enums: an IntEnum with a method that
# waits for approval, a StrEnum of channels with _missing_, a Flag of
# permissions with auto() and combinations, used in a dispatch loop.
import enum
import json


class Severity(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def from_llm(cls, text):
        label = llm(f"Classify: {text}")
        return {"bug": cls.HIGH, "billing": cls.CRITICAL, "feature": cls.LOW}.get(label, cls.MEDIUM)

    def needs_review(self):
        return self >= Severity.HIGH

    def review(self, text):
        if not self.needs_review():
            return "auto"
        return approval(f"[{self.name}] {text}")


class Channel(enum.StrEnum):
    EMAIL = enum.auto()
    SLACK = enum.auto()
    PAGER = enum.auto()

    @classmethod
    def _missing_(cls, value):
        return cls.__members__.get(str(value).upper(), cls.EMAIL)


class Perm(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    DEPLOY = enum.auto()
    ADMIN = READ | WRITE | DEPLOY

    def describe(self):
        return "+".join(m.name for m in Perm if m in self and m is not Perm.ADMIN) or "none"


tickets = export("tickets")
routes = {Severity.LOW: Channel("slack"), Severity.HIGH: Channel("Pager"), Severity.CRITICAL: Channel("fax")}
outcomes = []
for t in tickets[:4]:
    sev = Severity.from_llm(t["subject"])
    channel = routes.get(sev, Channel.EMAIL)
    outcomes.append({"id": t["id"], "sev": sev.name, "n": int(sev), "channel": channel, "review": sev.review(t["subject"])})
print(json.dumps(outcomes))
print(sorted({o["sev"] for o in outcomes}), Severity.HIGH + 1, Severity(2) < Severity.CRITICAL)
granted = Perm.READ
for step in ("write", "deploy"):
    if approval(f"Grant {step} to dev") == "approved":
        granted |= Perm[step.upper()]
print(granted.describe(), Perm.WRITE in granted, granted == Perm.ADMIN, repr(Perm.READ | Perm.WRITE))
print([c.value for c in Channel], f"{Channel.PAGER}", Channel.SLACK == "slack", list(Perm)[-1].name)
