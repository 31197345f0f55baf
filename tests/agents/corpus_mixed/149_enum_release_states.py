# Drive 36 service releases through an Enum state machine: a classmethod
# builds each release, a method dispatches on the state with match, and the
# gate states wait for approval or the model two and three calls deep.
import json
from enum import Enum


class Stage(Enum):
    DRAFT = "draft"
    REVIEW = "review"
    CANARY = "canary"
    LIVE = "live"
    ROLLED_BACK = "rolled_back"

    @property
    def terminal(self):
        return self in (Stage.LIVE, Stage.ROLLED_BACK)


def gate(kind, text):
    return approval(text) if kind == "human" else llm(f"Answer yes or no: {text}")


class Release:
    def __init__(self, service, version):
        self.service = service
        self.version = version
        self.stage = Stage.DRAFT
        self.history = []

    @classmethod
    def parse(cls, spec):
        service, _, version = spec.partition("@")
        return cls(service, int(version))

    def step(self):
        match self.stage:
            case Stage.DRAFT:
                self.stage = Stage.REVIEW
            case Stage.REVIEW if self.version % 6 == 0:
                ok = gate("human", f"Promote {self.service} v{self.version} to canary")
                self.stage = Stage.CANARY if ok == "approved" else Stage.ROLLED_BACK
            case Stage.REVIEW:
                self.stage = Stage.CANARY
            case Stage.CANARY if self.version % 9 == 0:
                healthy = gate("model", f"is the {self.service} v{self.version} canary healthy")
                self.stage = Stage.LIVE if healthy == "yes" else Stage.ROLLED_BACK
            case Stage.CANARY:
                self.stage = Stage.LIVE
        self.history.append(self.stage.value[0])
        return self.stage.terminal


SERVICES = ("search", "billing", "auth", "production-api")
releases = [Release.parse(f"{SERVICES[i % 4]}@{i + 1}") for i in range(36)]
steps = 0
for rel in releases:
    while not rel.step():
        steps += 1
counts = {}
for rel in releases:
    counts[rel.stage.name] = counts.get(rel.stage.name, 0) + 1
print("steps:", steps, json.dumps(counts, sort_keys=True))
print("paths:", sorted({"".join(r.history) for r in releases}))
rolled = [f"{r.service}@{r.version}" for r in releases if r.stage is Stage.ROLLED_BACK]
print("rolled back:", rolled)
print("live by service:", {s: sum(r.stage is Stage.LIVE for r in releases if r.service == s) for s in SERVICES})
