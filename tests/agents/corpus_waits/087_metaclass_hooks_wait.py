# Waits while classes are made by ABCMeta and by script metaclasses: in an
# ABC's __init_subclass__, a metaclass's __new__ and __init__, a descriptor's
# __set_name__ reached through them; the hooks run in native order.
import abc
import inspect


class Tool(abc.ABC):
    registry = {}

    def __init_subclass__(cls, /, topic="general", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.summary = llm(f"Describe a tool named {cls.__name__} about {topic}")
        Tool.registry[cls.__name__] = (topic, inspect.isabstract(cls))

    @abc.abstractmethod
    def run(self, query): ...


class Search(Tool, topic="web"):
    def run(self, query):
        return f"{self.summary} <- {query}"


class Labelled:
    def __set_name__(self, owner, name):
        self.label = approval(f"Label {owner.__name__}.{name}")


class Meta(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kwargs):
        ns["verdict"] = llm(f"Review the class {name}")
        return super().__new__(mcls, name, bases, ns, **kwargs)

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.approved = approval(f"Ship {name}")


class Agent(metaclass=Meta):
    notes = Labelled()


print(sorted(Tool.registry.items()), Search().run("refunds"))
print(Agent.verdict, Agent.approved, Agent.notes.label, type(Agent).__name__)
