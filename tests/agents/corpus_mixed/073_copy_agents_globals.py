# Forking an agent: copy.copy shares its memory list, copy.deepcopy does not;
# the agent holds answers not yet read when it is copied; methods mutate
# module globals across waits; a class attribute is shadowed per instance.
import copy

STATS = {"calls": 0, "labels": []}
LAST_AGENT = None


class Agent:
    temperature = 0.2
    budget = 3

    def __init__(self, name):
        self.name = name
        self.memory = []
        self.draft = llm(f"Plan: onboarding for {name}")

    def ask(self, prompt):
        global LAST_AGENT
        STATS["calls"] += 1
        label = llm(f"Classify: {prompt}")
        STATS["labels"].append(label)
        self.memory.append((prompt[:10], label))
        self.budget -= 1
        LAST_AGENT = self.name
        return label

    def __repr__(self):
        return f"Agent({self.name}, mem={len(self.memory)}, budget={self.budget})"


main = Agent("main")
print(main.ask("Invoice shows wrong VAT"), main.budget, Agent.budget, "budget" in vars(main))
shallow = copy.copy(main)
deep = copy.deepcopy(main)
shallow.name, deep.name = "shallow", "deep"
print(deep.draft.splitlines()[-1], shallow.draft == main.draft)
shallow.ask("Please add dark mode")
deep.ask("App crashes on upload")
deep.temperature = 0.9
print(main, shallow, deep)
print(main.memory is shallow.memory, len(deep.memory), LAST_AGENT, STATS["calls"])
Agent.temperature = 0.5
print(main.temperature, deep.temperature, sorted(vars(deep)))
forks = [copy.deepcopy(deep) for _ in range(2)]
for i, fork in enumerate(forks):
    fork.name = f"fork{i}"
    fork.ask(f"Export orders for quarter {i + 1}")
print(forks, STATS["labels"], LAST_AGENT)
Agent.budget = 10
print([a.budget for a in [main, shallow, deep, *forks]], Agent("fresh").budget)
