# Plan a migration in drafts: the plan is deep-copied before the model
# annotates each step, copy.copy shares the step list, and a record that
# still holds a pending approval is deep-copied for the archive.
import copy
from dataclasses import dataclass, field


@dataclass
class Step:
    name: str
    notes: list = field(default_factory=list)


@dataclass
class Plan:
    title: str
    steps: list
    review: object = None


outline = llm("Make a plan: migrating the billing database")
plan = Plan("billing migration", [Step(line.split(". ", 1)[1]) for line in outline.splitlines()])
draft = copy.deepcopy(plan)
for step in draft.steps:
    step.notes.append(llm(f"Summarize: risks of {step.name}").removeprefix("Summary: "))
print(plan == draft, [len(s.notes) for s in plan.steps], [len(s.notes) for s in draft.steps])

shallow = copy.copy(draft)
shallow.steps.append(Step("celebrate"))
print(len(draft.steps), shallow.steps is draft.steps, shallow.title)

draft.review = approval(f"Apply the plan '{draft.title}' with {len(draft.steps)} steps")
archived = copy.deepcopy(draft)
archived.steps[0].notes.append("archived")
print(archived.review, archived == draft, draft.steps[0].notes[-1] != "archived")
print(archived)

memo = {}
pair = copy.deepcopy([plan.steps[0], plan.steps[0]], memo)
print(pair[0] is pair[1], pair[0] == plan.steps[0], len(memo) > 0)
