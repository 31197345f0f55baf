# Onboard new users with a generated checklist: the dataclass field's
# default_factory asks the model for a plan.
from dataclasses import dataclass, field


def onboarding_plan():
    return llm("Make a plan: onboarding a new teammate").splitlines()


@dataclass
class Onboarding:
    user: str
    steps: list = field(default_factory=onboarding_plan)
    done: int = 0


ana = Onboarding("ana")
ben = Onboarding("ben", steps=["sign the contract"])
for record in (ana, ben):
    print(record.user, len(record.steps), "steps; first:", record.steps[0])
