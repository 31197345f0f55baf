# An agent assembled from mixins: cooperative __init__(**kwargs) chains through
# four classes (one waits for a persona), run() calls super().run() down the
# MRO with a wait in each layer, and super(Class, self) skips a layer.
class Base:
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.trace = ["Base"]

    def run(self, task):
        return [f"base:{task}"]

    def describe(self):
        return f"{self.name}"


class MemoryMixin:
    def __init__(self, capacity=3, **kwargs):
        super().__init__(**kwargs)
        self.memory = []
        self.capacity = capacity
        self.trace.append("Memory")

    def run(self, task):
        note = llm(f"Summarize: {task}").removeprefix("Summary: ")
        self.memory = (self.memory + [note])[-self.capacity:]
        return super().run(task) + [f"memory:{len(self.memory)}"]

    def describe(self):
        return super().describe() + f" mem={len(self.memory)}"


class PersonaMixin:
    def __init__(self, persona="neutral", **kwargs):
        super().__init__(**kwargs)
        self.persona = llm(f"Classify the persona: {persona}")
        self.trace.append("Persona")

    def run(self, task):
        label = llm(f"Classify: {task}")
        return super().run(task) + [f"{self.persona}/{label}"]

    def describe(self):
        return super().describe() + f" persona={self.persona}"


class GuardMixin:
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.trace.append("Guard")

    def run(self, task):
        verdict = approval(f"Run task: {task}")
        if verdict != "approved":
            return [f"blocked:{task}"]
        return super().run(task)


class SupportAgent(GuardMixin, PersonaMixin, MemoryMixin, Base):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.trace.append("SupportAgent")

    def describe(self):
        return "SupportAgent " + super(PersonaMixin, self).describe()


agent = SupportAgent(name="helper", persona="friendly", capacity=2)
print([cls.__name__ for cls in SupportAgent.__mro__])
print(agent.trace, agent.persona)
for task in ["Reset password for ana", "Delete the staging database", "Export orders", "Add dark mode"]:
    print(task[:12], "->", agent.run(task))
print(agent.describe())
print(agent.memory)
print(PersonaMixin.describe(agent), isinstance(agent, MemoryMixin), issubclass(SupportAgent, Base))
