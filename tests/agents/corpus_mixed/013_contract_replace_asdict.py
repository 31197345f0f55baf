# Revise a contract: frozen clause records classify themselves in
# __post_init__ (the model), dataclasses.replace re-runs it, and asdict /
# astuple / fields take the records apart for the approval request.
from dataclasses import asdict, astuple, dataclass, field, fields, replace


@dataclass(frozen=True)
class Clause:
    title: str
    text: str
    label: str = field(default="", compare=False)

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", llm(f"Classify: {self.text}"))


@dataclass
class Contract:
    customer: str
    clauses: list = field(default_factory=list)
    approved: bool = False

    def add(self, title, text):
        self.clauses.append(Clause(title, text))
        return self


contract = Contract("Globex").add("refunds", "Refunds within 14 days").add("support", "Support by e-mail only")
print([c.label for c in contract.clauses])

revised = replace(contract.clauses[1], text="Support by e-mail and phone", label="")
contract = replace(contract, clauses=[contract.clauses[0], revised])
print(revised, revised == contract.clauses[1])

data = asdict(contract)
print(sorted(data), [tuple(c.values()) for c in data["clauses"]])
print([f.name for f in fields(Clause)], astuple(contract.clauses[0]))
request = "; ".join(f"{c['title']}={c['label']}" for c in data["clauses"])
contract = replace(contract, approved=approval(f"Sign for {contract.customer}: {request}") == "approved")
print(contract.approved, len(contract.clauses))
try:
    contract.clauses[0].label = "edited"
except AttributeError as error:
    print(type(error).__name__, error)
