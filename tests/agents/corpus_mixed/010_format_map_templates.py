# Fill e-mail templates: str.format_map over a dict subclass whose
# __missing__ asks the model for each unknown field, and str.format of a
# record whose property waits.
TEMPLATE = "Dear {customer},\n  your {tier} plan: {renewal_offer}\n  next step: {next_step}\n"


class Answers(dict):
    def __missing__(self, key):
        text = llm(f"Summarize: the {key.replace('_', ' ')} for {self['customer']}")
        value = text.removeprefix("Summary: ")
        self[key] = value
        return value


class Customer:
    def __init__(self, row):
        self.name = row["name"]
        self.tier = row["tier"]

    @property
    def segment(self):
        return llm(f"Classify: customer {self.name} ({self.tier})")


for row in export("customers")[:2]:
    answers = Answers(customer=row["name"], tier=row["tier"])
    print(TEMPLATE.format_map(answers), end="")
    print("  filled:", sorted(answers))
    customer = Customer(row)
    print("{0.name} is in segment {0.segment!r} ({1:>4})".format(customer, row["country"]))

summary = "{n} customers, {pct:.1%} gold".format(n=2, pct=1 / 2)
print(summary)
