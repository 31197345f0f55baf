# A deployment pipeline: each stage has a priority and needs permissions;
# stages that touch production need a human approval.
import enum


class Stage(enum.Enum):
    BUILD = "build"
    TEST = "test"
    STAGING = "staging"
    PRODUCTION = "production"


class Priority(enum.IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3


class Perm(enum.Flag):
    NONE = 0
    READ = enum.auto()
    WRITE = enum.auto()
    DEPLOY = enum.auto()


NEEDS = {
    Stage.BUILD: Perm.READ,
    Stage.TEST: Perm.READ,
    Stage.STAGING: Perm.READ | Perm.WRITE,
    Stage.PRODUCTION: Perm.READ | Perm.WRITE | Perm.DEPLOY,
}
granted = Perm.READ | Perm.WRITE
log = []

for stage, priority in zip(Stage, [Priority.LOW, Priority.NORMAL, Priority.NORMAL, Priority.HIGH]):
    missing = NEEDS[stage] & ~granted
    if missing:
        decision = approval(f"Grant {missing.name} for the {stage.value} stage")
        if decision == "approved":
            granted |= missing
        else:
            print(f"{stage.name}: blocked ({decision}), priority {int(priority)}")
            log.append((stage.value, "blocked"))
            break
    if priority >= Priority.HIGH:
        notes = llm(f"Write release notes for the {stage.value} deploy")
        print("notes:", notes)
    log.append((stage.value, "done"))
    effect({"stage": stage.value, "priority": int(priority)})
    print(f"{stage.name}: done with {granted!r}")

print(log)
print(sorted(p.name for p in Priority if p > Priority.LOW))
