# Tool-call policy decorators with arguments: one asks for approval before
# a method runs, one retries and logs, applied to instance methods and to a
# classmethod whose body waits on an export.
import functools
import json

CALLS = []


def requires_approval(action, risky=False):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            text = f"{action}: {func.__name__}{' (production)' if risky else ''}"
            decision = approval(text)
            CALLS.append((func.__name__, decision))
            if decision != "approved":
                return f"{func.__name__} blocked"
            return func(*args, **kwargs)
        return wrapper
    return decorate


def tagged(*tags, prefix="tag"):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            result = func(*args, **kwargs)
            return {"result": result, "tags": [f"{prefix}:{t}" for t in tags]}
        wrapper.tags = tags
        return wrapper
    return decorate


class Deployer:
    region = "eu"

    def __init__(self, service):
        self.service = service

    @requires_approval("deploy")
    def deploy(self, version):
        note = llm(f"Summarize: deploying {self.service} version {version} to {self.region}")
        return f"{self.service}@{version}: {note}"

    @requires_approval("rollback", risky=True)
    def rollback(self):
        return f"{self.service} rolled back"

    @classmethod
    @tagged("inventory", "export", prefix="cls")
    def inventory(cls, table):
        rows = export(table)
        return [f"{cls.region}/{r['name']}" for r in rows if r["tier"] == "gold"]

    @tagged("label")
    def label(self, text):
        return llm(f"Classify: {text}")


d = Deployer("billing")
print(d.deploy("1.4.2"))
print(d.rollback())
print(json.dumps(Deployer.inventory("customers"), sort_keys=True))
print(json.dumps(d.label("Invoice shows wrong VAT"), sort_keys=True))
print(Deployer.deploy.__name__, Deployer.inventory.__func__.__name__, d.label.tags)
print(CALLS)
