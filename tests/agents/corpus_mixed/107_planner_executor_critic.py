# A Planner/Executor/Critic trio: the planner asks the model for a plan, the
# executor runs each step with a tool, the critic approves or sends it back.
import json
from dataclasses import dataclass, field
from typing import Literal, Optional

Verdict = Literal["accept", "retry"]


@dataclass
class StepResult:
    index: int
    step: str
    output: str
    verdict: Optional[Verdict] = None


class Planner:
    def __init__(self, goal: str) -> None:
        self.goal = goal

    def plan(self) -> list[str]:
        text = llm(f"Plan: {self.goal}")
        return [line.split(". ", 1)[1] for line in text.splitlines() if ". " in line]


class Executor:
    def __init__(self) -> None:
        self.calls = 0

    def run(self, index: int, step: str) -> StepResult:
        self.calls += 1
        output = llm(f"Summarize: {step}").removeprefix("Summary: ")
        return StepResult(index, step, output)


class Critic:
    def review(self, result: StepResult) -> Verdict:
        answer = llm(f"Score the step output: {result.output}")
        return "accept" if int(answer) >= 20 else "retry"


@dataclass
class Trio:
    planner: Planner
    executor: Executor = field(default_factory=Executor)
    critic: Critic = field(default_factory=Critic)
    history: list[StepResult] = field(default_factory=list)

    def go(self) -> list[StepResult]:
        steps = self.planner.plan()
        for i, step in enumerate(steps):
            result = self.executor.run(i, step)
            result.verdict = self.critic.review(result)
            if result.verdict == "retry":
                result = self.executor.run(i, step + " (again)")
                result.verdict = "accept"
            self.history.append(result)
        return self.history


trio = Trio(Planner("launch the export API"))
results = trio.go()
print(f"{'#':<3}{'step':<34}{'verdict':<8}")
for r in results:
    print(f"{r.index:<3}{r.step:<34}{r.verdict:<8}")
print("executor calls:", trio.executor.calls)
print(json.dumps([r.__dict__ for r in results], indent=2))
