# Objects used as dict keys whose __eq__ asks the model whether two names are
# the same company: dict lookups call __eq__ from host code.
class Company:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return len(self.name)

    def __eq__(self, other):
        if self.name == other.name:
            return True
        return llm(f"Answer yes or no: are {self.name} and {other.name} the same company?") == "yes"


accounts = {Company("Acme"): 1, Company("Hooli"): 2}
for name in ["Acme", "Acme Corp", "Hoolo"]:
    print(name, accounts.get(Company(name)))
