# A release pipeline whose stages are Enum members with tuple values, a custom
# __init__, properties and methods that wait for tools, a classmethod lookup,
# _missing_ for aliases, and an IntEnum of severities compared in order.
from enum import Enum, IntEnum, auto


class Severity(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def needs_review(self):
        return self >= Severity.MEDIUM


class Stage(Enum):
    BUILD = ("build", Severity.LOW)
    TEST = ("test", Severity.LOW)
    STAGING = ("deploy to staging", Severity.MEDIUM)
    PRODUCTION = ("deploy to production", Severity.HIGH)

    def __init__(self, action, severity):
        self.action = action
        self.severity = severity

    @property
    def verdict(self):
        if not self.severity.needs_review:
            return "auto"
        return approval(f"Release step: {self.action}")

    def describe(self):
        return llm(f"Summarize: the release step {self.action} ({self.severity.name})")

    @classmethod
    def by_action(cls, action):
        return next(stage for stage in cls if stage.action == action)

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls.by_action(value)
        return None


class Outcome(Enum):
    SHIPPED = auto()
    HALTED = auto()


results = {}
for stage in Stage:
    verdict = stage.verdict
    results[stage] = Outcome.SHIPPED if verdict in ("auto", "approved") else Outcome.HALTED
    print(f"{stage.name:<10} {stage.severity!r:<22} {verdict}")
    if results[stage] is Outcome.HALTED:
        break
print({s.name: o.name for s, o in results.items()})
print(Stage("test"), Stage(("build", Severity.LOW)), Stage["STAGING"].describe())
print(sorted(s.severity for s in Stage), max(Stage, key=lambda s: s.severity).name)
print([s.describe().split()[4] for s in Stage if s.severity < Severity.HIGH])
print(Severity.HIGH > 2, Severity(2).needs_review, list(Outcome))
