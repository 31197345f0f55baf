# Agents assembled from mixins: cooperative __init__ and handle() through
# super() across a diamond, where the caching, auditing and approval mixins
# each add behavior (two of them wait); the MRO decides the order.
import json


class BaseAgent:
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.trace = []

    def handle(self, task):
        self.trace.append("base")
        return llm(f"Summarize: {task}")


class AuditMixin:
    def __init__(self, *, audit_to="audit", **kwargs):
        super().__init__(**kwargs)
        self.audit_to = audit_to

    def handle(self, task):
        self.trace.append("audit")
        result = super().handle(task)
        db_write([{"agent": self.name, "task": task, "len": len(result)}], table=self.audit_to)
        return result


class CacheMixin:
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.cache = {}

    def handle(self, task):
        self.trace.append("cache")
        if task not in self.cache:
            self.cache[task] = super().handle(task)
        return self.cache[task]


class ApprovalMixin:
    def __init__(self, *, gate="approval", **kwargs):
        super().__init__(**kwargs)
        self.gate = gate

    def handle(self, task):
        self.trace.append("gate")
        verdict = approval(f"{self.name} wants to: {task}")
        if verdict != "approved":
            return f"skipped ({verdict})"
        return super().handle(task)


class SafeAgent(ApprovalMixin, CacheMixin, BaseAgent):
    pass


class AuditedAgent(AuditMixin, CacheMixin, BaseAgent):
    pass


class FullAgent(AuditMixin, SafeAgent):
    pass


print([c.__name__ for c in FullAgent.__mro__])
agents = [SafeAgent(name="safe"), AuditedAgent(name="audited", audit_to="log"), FullAgent(name="full", gate="strict")]
tasks = ["refresh the pricing page", "drop the staging tables", "refresh the pricing page"]
for agent in agents:
    outputs = [agent.handle(t) for t in tasks]
    print(agent.name, [o[:30] for o in outputs])
    print("  trace:", agent.trace, sorted(agent.cache))
print(json.dumps({a.name: vars(a).get("gate", vars(a).get("audit_to")) for a in agents}))
print(FullAgent.handle is AuditMixin.handle, isinstance(agents[2], CacheMixin), SafeAgent.__bases__[0].__name__)
