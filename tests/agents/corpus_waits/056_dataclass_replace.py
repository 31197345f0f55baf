# Re-price plans with dataclasses.replace: replace() builds a new record and
# runs its __post_init__, which waits for the approval of the new price.
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Plan:
    name: str
    price: str
    approved: bool = False

    def __post_init__(self):
        decision = approval(f"Set the {self.name} plan to {self.price} EUR")
        object.__setattr__(self, "approved", decision == "approved")


team = Plan("Team", "29.50")
raised = replace(team, price="34.50")
print(team)
print(raised)
