# A deployment state machine: Enum states, a transition table of bound
# methods built in __init__, each transition waiting on a tool; the machine
# is driven by tasks from the ops queue.
import enum
import json


class State(enum.Enum):
    IDLE = "idle"
    REVIEW = "review"
    APPROVED = "approved"
    DEPLOYED = "deployed"
    FAILED = "failed"

    @property
    def terminal(self):
        return self in (State.DEPLOYED, State.FAILED)


class Deployment:
    def __init__(self, task):
        self.task = task
        self.state = State.IDLE
        self.trail = [self.state.value]
        self.table = {
            State.IDLE: self.start_review,
            State.REVIEW: self.decide,
            State.APPROVED: self.ship,
        }

    @property
    def service(self):
        return self.task["payload"]["service"]

    def start_review(self):
        plan = llm(f"Plan: {self.task['kind']} {self.service}")
        self.steps = len(plan.splitlines())
        return State.REVIEW

    def decide(self):
        verdict = approval(f"{self.task['kind']} {self.service}")
        return State.APPROVED if verdict == "approved" else State.FAILED

    def ship(self):
        effect({"ship": self.service, "steps": self.steps})
        return State.DEPLOYED

    def step(self):
        action = self.table[self.state]
        self.state = action()
        self.trail.append(self.state.value)
        return self.state

    def run(self):
        while not self.state.terminal:
            self.step()
        return self


machines = []
while (task := next_task("ops")) is not None:
    machines.append(Deployment(task))
first = machines[0]
print(first.step(), first.table[State.IDLE].__name__, first.trail)
for m in machines:
    m.run()
print(json.dumps({m.service: m.trail for m in machines}))
print(sorted(s.name for s in State if any(m.state is s for m in machines)))
print([(m.task["id"], m.state.terminal, getattr(m, "steps", 0)) for m in machines])
