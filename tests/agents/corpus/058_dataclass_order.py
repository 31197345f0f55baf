# Sort deals with dataclass ordering; the model's probability estimate is
# stored in the dataclass and compared with the generated methods.
from dataclasses import asdict, astuple, dataclass, field


@dataclass(order=True)
class Deal:
    sort_index: float = field(init=False, repr=False)
    name: str
    value: int
    probability: int = 0

    def __post_init__(self):
        self.sort_index = 0.0

    def estimate(self):
        self.probability = int(llm(f"Give a score for closing the {self.name} deal"))
        self.sort_index = -self.value * self.probability / 100


deals = [Deal("acme renewal", 12000), Deal("globex pilot", 3000), Deal("initech upsell", 8000)]
for deal in deals:
    deal.estimate()
for deal in sorted(deals):
    print(deal, round(-deal.sort_index, 1))
print(asdict(deals[0]), astuple(deals[1])[1:])
print(deals[0] == Deal("acme renewal", 12000, deals[0].probability), deals[1] < deals[2])
