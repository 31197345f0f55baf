from dataclasses import dataclass, field, replace, fields

@dataclass(frozen=True)
class Step:
    name: str
    cost: int = 1
    tags: tuple = ()

@dataclass
class Plan:
    steps: list = field(default_factory=list)

    def add(self, step):
        self.steps.append(step)
        return self

    @property
    def cost(self):
        return sum(s.cost for s in self.steps)

plan = Plan().add(Step("search")).add(Step("summarize", 3, ("llm",)))
print(plan, plan.cost)
print(replace(plan.steps[0], cost=5), [f.name for f in fields(Step)])
try:
    plan.steps[0].cost = 9
except Exception as e:
    print(type(e).__name__)
print(hash(Step("a")) == hash(Step("a")))
