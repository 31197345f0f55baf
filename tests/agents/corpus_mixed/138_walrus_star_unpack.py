# Drain a queue with a walrus in the while condition, filter rows with
# walrus in comprehensions over waited values, and split results with
# star-unpacking assignments.
import json

handled = []
while (task := next_task("support")) and len(handled) < 5:
    handled.append((task["id"], task["payload"]["ticket"]))
print("handled:", handled)

orders = export("orders")
big = [(o["id"], amt) for o in orders if (amt := float(o["amount"])) > 60]
print("big:", big)
print("last amt bound by walrus:", amt)

labels = {t: lab for t in ("login fails", "dark mode", "vat wrong") if (lab := llm(f"Classify: {t}")) != "feature"}
print(json.dumps(labels, sort_keys=True))

first, *middle, last = export("customers")
print(first["name"], [m["name"] for m in middle], last["name"])

head, second, *tail = llm("Make a plan: migrate the database").splitlines()
print(head, "|", second, "|", tail)

(a, b), *rest = [(1, 2), (3, 4), (5, 6)]
print(a, b, rest)

*names, final_word = llm("Summarize: the invoices for March are ready for review").split()
print(len(names), final_word)

pages = ["https://shop.example/faq", "https://docs.example/auth", "https://nope.example/x"]
i = 0
lengths = []
while i < len(pages) and not (text := fetch_page(pages[i])).startswith("404"):
    lengths.append(len(text))
    i += 1
print("stopped at", i, lengths)

for idx, (k, *vals) in enumerate([("a", 1, 2), ("b",), ("c", 3)]):
    print(idx, k, vals)

scores = [s for p in ("alpha", "beta", "gamma") if (s := int(llm(f"Give a score for {p}"))) >= 0]
top, *others = sorted(scores, reverse=True)
print("top", top, "others", others)
