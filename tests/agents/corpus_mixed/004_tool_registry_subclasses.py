# A tool registry: __init_subclass__ registers each tool class by name,
# subclasses call super().__init__ (one of them waits there), and a tool
# instance's __call__ runs a method that waits.
class Tool:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tool_name = name or cls.__name__.lower()
        Tool.registry[cls.tool_name] = cls

    def __init__(self, owner):
        self.owner = owner
        self.calls = 0

    def __call__(self, text):
        self.calls += 1
        return self.run(text)

    def __repr__(self):
        return f"<{self.tool_name} for {self.owner}: {self.calls} calls>"


class Summarizer(Tool, name="summarize"):
    def __init__(self, owner, limit=6):
        super().__init__(owner)
        self.limit = limit
        self.style = llm(f"Classify: the summary style {owner} wants")

    def run(self, text):
        words = llm(f"Summarize: {text}").removeprefix("Summary: ").split()
        return f"[{self.style}] " + " ".join(words[: self.limit])


class Classifier(Tool):
    def run(self, text):
        return llm(f"Classify: {text}")


class Gate(Tool, name="approve"):
    def __init__(self, owner):
        super().__init__(owner)
        self.rejected = []

    def run(self, text):
        decision = approval(text)
        if decision != "approved":
            self.rejected.append(text)
        return decision


print(sorted(Tool.registry), [cls.__name__ for cls in Tool.registry.values()])
tools_by_name = {name: cls("ops") for name, cls in Tool.registry.items()}
plan = [
    ("summarize", "The outage lasted 14 minutes and affected uploads only"),
    ("classifier", "Invoice shows wrong VAT"),
    ("approve", "Increase the ad budget by 500 EUR"),
    ("approve", "Delete the staging database"),
    ("classifier", "Please add dark mode"),
]
for name, text in plan:
    print(f"{name:>10}: {tools_by_name[name](text)}")
print(list(tools_by_name.values()))
print("rejected:", tools_by_name["approve"].rejected)
print(isinstance(tools_by_name["approve"], Tool), Gate.__mro__[1].__name__)
