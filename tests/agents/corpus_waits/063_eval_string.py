# Evaluate a scoring expression from configuration: eval() of a string that
# waits for the model, weighted per topic.
CONFIG = {
    "expression": "int(llm('Give a score for ' + name)) * weight",
    "topics": [("pricing", 2), ("security", 3)],
}

total = 0
for name, weight in CONFIG["topics"]:
    scope = {"llm": llm, "name": name, "weight": weight}
    points = eval(CONFIG["expression"], scope)
    print(f"{name:<10} {points:>4}")
    total += points

print("total:", total)
if total > 150:
    print("above the review threshold")
else:
    print("below the review threshold")
