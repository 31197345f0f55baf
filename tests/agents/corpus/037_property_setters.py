# A discount rule whose properties validate what they are given; the model
# proposes values, some of which the setters reject.
class DiscountRule:
    def __init__(self, name):
        self.name = name
        self._percent = 0
        self._audience = "all"

    @property
    def percent(self):
        return self._percent

    @percent.setter
    def percent(self, value):
        if not 0 <= value <= 50:
            raise ValueError(f"{self.name}: {value}% is out of range")
        self._percent = value

    @property
    def audience(self):
        return self._audience

    @audience.setter
    def audience(self, value):
        self._audience = value.strip().lower()

    @property
    def label(self):
        return f"{self.name}: {self._percent}% for {self._audience}"


rules = [DiscountRule("spring"), DiscountRule("loyalty"), DiscountRule("flash")]
for rule in rules:
    proposal = int(llm(f"Give a score for a discount named {rule.name}"))
    try:
        rule.percent = proposal
    except ValueError as err:
        print("rejected:", err)
        rule.percent = proposal // 3
    rule.audience = "  Gold Customers " if rule.percent > 20 else "All"
    print(rule.label)
print([r.percent for r in rules])
