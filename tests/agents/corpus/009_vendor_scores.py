# Score vendors from their search results with the model and pick the best.
from typing import NamedTuple


class Vendor(NamedTuple):
    name: str
    url: str
    score: int = 0

    def label(self):
        return f"{self.name} ({self.score})"


candidates = ["acme hosting", "globex cloud", "initech servers", "hooli compute"]
vendors = []
for name in candidates:
    top = search(name, limit=1)[0]
    raw = llm(f"Give a score from 0 to 100 for {name}: {top['title']}")
    vendors.append(Vendor(name, top["url"], int(raw)))

ranked = sorted(vendors, key=lambda v: (-v.score, v.name))
for place, vendor in enumerate(ranked, 1):
    print(place, vendor.label(), vendor.url)

best = ranked[0]
print("best:", best._asdict())
updated = best._replace(score=best.score + 1)
print(updated, updated == best)
decision = approval(f"Sign a contract with {best.name}")
print("contract:", decision)
