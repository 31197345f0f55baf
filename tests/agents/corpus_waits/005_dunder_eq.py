# Deduplicate vendor names: two vendors are equal when the model says they
# are the same company, and __eq__ asks it.
class Vendor:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        if not isinstance(other, Vendor):
            return NotImplemented
        if self.name.lower() == other.name.lower():
            return True
        answer = llm(f"Answer yes or no: are {self.name} and {other.name} the same company?")
        return answer == "yes"

    __hash__ = None


pairs = [("Acme", "ACME"), ("Acme", "Acme Corp"), ("Globex", "Initech")]
for left, right in pairs:
    verdict = "same" if Vendor(left) == Vendor(right) else "different"
    print(f"{left} / {right}: {verdict}")
print("Hooli != Hooli Inc:", Vendor("Hooli") != Vendor("Hooli Inc"))
