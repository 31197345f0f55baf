# A tool framework: an abstract Tool base whose __init_subclass__ registers
# each concrete tool, with an abstract property, class-level counters and a
# __call__ that runs the tool's (waiting) run method.
import abc
import json


class Tool(abc.ABC):
    registry: dict[str, type["Tool"]] = {}
    instances = 0

    def __init_subclass__(cls, /, name: str | None = None, **kwargs):
        super().__init_subclass__(**kwargs)
        # ABCMeta sets __abstractmethods__ only after this hook runs
        if not getattr(cls.__dict__.get("description", getattr(cls, "description", None)), "__isabstractmethod__", False):
            cls.tool_name = name or cls.__name__.lower().removesuffix("tool")
            Tool.registry[cls.tool_name] = cls
            cls.category = llm(f"Classify: a tool named {cls.tool_name}").upper()
        cls.calls = 0

    def __init__(self, owner: str):
        type(self).instances += 1
        Tool.instances += 1
        self.owner = owner

    @property
    @abc.abstractmethod
    def description(self) -> str: ...

    @abc.abstractmethod
    def run(self, arg: str) -> str: ...

    def __call__(self, arg: str) -> dict:
        type(self).calls += 1
        result = self.run(arg)
        return {"tool": self.tool_name, "arg": arg, "result": result}

    def __repr__(self):
        return f"{type(self).__name__}(owner={self.owner!r})"


class TextTool(Tool):
    """Abstract: still has no description, so it is not registered."""

    def run(self, arg):
        return llm(self.prompt(arg))


class SummarizeTool(TextTool, name="summarize"):
    description = "summarizes text"

    def prompt(self, arg):
        return f"Summarize: {arg}"


class ClassifyTool(TextTool):
    @property
    def description(self):
        return f"classifies text for {self.owner}"

    def prompt(self, arg):
        return f"Classify: {arg}"


class ApproveTool(Tool, name="approve"):
    description = "asks a human"

    def run(self, arg):
        decision = approval(arg)
        return decision.upper()


print("registered:", sorted(Tool.registry), [c.category for _, c in sorted(Tool.registry.items())])
try:
    TextTool("nobody")
except TypeError as exc:
    print("abstract:", str(exc).split(" with")[0])

toolbox = {name: cls("ops") for name, cls in sorted(Tool.registry.items())}
results = [
    toolbox["classify"]("Invoice shows wrong VAT"),
    toolbox["summarize"]("The outage lasted 14 minutes and affected uploads only"),
    toolbox["approve"]("Increase the ad budget by 500 EUR"),
    toolbox["approve"]("Drop the old audit tables"),
]
for r in results:
    print(json.dumps(r, sort_keys=True))
print({name: (type(t).calls, type(t).instances, t.description) for name, t in toolbox.items()})
print("total instances:", Tool.instances, repr(toolbox["approve"]))
