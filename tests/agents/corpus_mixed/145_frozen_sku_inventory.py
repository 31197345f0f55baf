# Reconcile a warehouse inventory: frozen dataclass SKUs are set members and
# dict keys in a hot loop over 240 stock movements; every 40th movement asks
# for approval inside a helper, and the restock plan is sorted and serialized.
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Sku:
    vendor: str
    code: int

    @property
    def label(self):
        return f"{self.vendor}-{self.code:04d}"


VENDORS = ("acme", "globex", "initech", "hooli")
stock = {}
seen = set()
flagged = []


def movement(i):
    sku = Sku(VENDORS[i % 4], (i * 7) % 13)
    qty = ((i * 5) % 9) - 4 if i % 3 else 3
    return sku, qty


def check_large(i, sku, qty):
    if i % 40 == 0:
        verdict = approval(f"Accept movement {i} of {qty} units of {sku.label}")
        flagged.append((sku.label, verdict))
        return verdict == "approved"
    return True


for i in range(240):
    sku, qty = movement(i)
    if not check_large(i, sku, qty):
        continue
    seen.add(sku)
    stock[sku] = stock.get(sku, 0) + qty
    if sku in seen and stock[sku] < -3:
        stock[sku] = -3

print("distinct:", len(seen), "movements kept:", sum(1 for _ in stock))
print("flagged:", flagged)
low = sorted((s for s in stock if stock[s] <= 0), key=lambda s: (stock[s], s.vendor, s.code))
print("low:", [f"{s.label}={stock[s]:+d}" for s in low[:6]])
by_vendor = {v: sum(q for s, q in stock.items() if s.vendor == v) for v in VENDORS}
print(json.dumps(by_vendor, sort_keys=True))
best = max(stock, key=lambda s: (stock[s], s.label))
print("best:", best, Sku(best.vendor, best.code) in seen)
plan = [{"sku": s.label, "order": 5 - stock[s]} for s in low[:4]]
note = llm(f"Summarize: restock plan for {len(plan)} skus " + ", ".join(p["sku"] for p in plan))
effect({"plan": plan, "note": note})
print(note)
