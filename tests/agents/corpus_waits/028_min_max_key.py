# Pick vendors for a pilot: min() with a key that waits for the model's risk
# score, and max() with a key that waits for its value score.
vendors = {
    "cloud storage": ["Acme", "Globex"],
    "payroll": ["Initech", "Hooli"],
}


def risk(vendor):
    return int(llm(f"Give a score for the risk of working with {vendor}"))


def value(vendor):
    return int(llm(f"Give a score for the value of {vendor}"))


safest = min(vendors["cloud storage"], key=risk)
best = max(vendors["payroll"], key=value)
print("cloud storage, lowest risk:", safest)
print("payroll, best value:", best)
effect({"pilot": sorted([safest, best])})
