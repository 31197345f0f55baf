from dataclasses import dataclass, field
@dataclass
class Step:
    name: str
    needs: list = field(default_factory=list)
    done: bool = False
@dataclass
class Plan:
    goal: str
    steps: dict = field(default_factory=dict)
    def add(self, name, *needs):
        self.steps[name] = Step(name, list(needs))
        return self
    def ready(self):
        return [s.name for s in self.steps.values() if not s.done and all(self.steps[n].done for n in s.needs)]
def execute(step_name, context):
    actions = {
        "collect": lambda: context.setdefault("data", [3, 1, 2]),
        "clean": lambda: context.__setitem__("data", sorted(context["data"])),
        "analyze": lambda: context.__setitem__("stats", {"min": context["data"][0], "max": context["data"][-1]}),
        "report": lambda: context.__setitem__("report", "range {min}-{max}".format(**context["stats"])),
        "notify": lambda: context.__setitem__("sent", True),
    }
    actions[step_name]()
plan = Plan("weekly report").add("collect").add("clean", "collect").add("analyze", "clean")
plan.add("report", "analyze").add("notify", "report", "collect")
context = {}
round_number = 0
while (ready := plan.ready()):
    round_number += 1
    print(f"round {round_number}: running {ready}")
    for name in ready:
        execute(name, context)
        plan.steps[name].done = True
print("all done:", all(s.done for s in plan.steps.values()))
print(context)
print([s.name for s in plan.steps.values() if s.needs])
