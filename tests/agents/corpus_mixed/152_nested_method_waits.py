# A support agent walks 48 queued events: Agent.handle calls route(), which
# calls escalate(), which calls the tools; the waits sit two and three calls
# deep inside a hot loop, and counters live on the instance.
import json


def escalate(event, level):
    if level >= 2:
        return approval(f"Escalate {event['action']} by {event['user']} to level {level}")
    return llm(f"Classify: {event['action']} of {event['user']}")


def route(event, i):
    level = (i * 5 + len(event["user"])) % 7
    if level >= 5:
        return escalate(event, level - 3), level
    if level == 4:
        return escalate(event, 1), level
    return "auto", level


class Agent:
    def __init__(self, name):
        self.name = name
        self.outcomes = {}
        self.levels = []

    def handle(self, event, i):
        outcome, level = route(event, i)
        self.levels.append(level)
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        return outcome

    def summary(self):
        return {"agent": self.name, "mean_level": round(sum(self.levels) / len(self.levels), 3), **self.outcomes}


events = export("events")
agent = Agent("triage")
trail = []
for i in range(48):
    event = events[i % len(events)]
    outcome = agent.handle(event, i)
    if outcome != "auto":
        trail.append(f"{i}:{event['user']}:{outcome}")
print(json.dumps(agent.summary(), sort_keys=True))
print("trail:", trail)
print("levels:", "".join(str(level) for level in agent.levels))
