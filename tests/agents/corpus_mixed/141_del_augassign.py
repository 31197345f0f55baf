# Keep running statistics in dicts, lists and an object: augmented
# assignments whose right side waits on the model, then prune the data with
# del of list slices and dict keys.
import json


class Stats:
    def __init__(self):
        self.chars = 0
        self.pages = []
        self.by_label = {}


stats = Stats()
counts = {"summary": 0, "labels": 0}
lengths = [0, 0, 0]

topics = ["login fails", "dark mode", "vat wrong", "export data"]
for i, topic in enumerate(topics):
    counts["summary"] += len(llm(f"Summarize: {topic} reported by customers"))
    stats.chars += len(topic)
    lengths[i % 3] += len(llm(f"Classify: {topic}"))
print(json.dumps(counts, sort_keys=True), stats.chars, lengths)

for url in ("https://shop.example/pricing", "https://shop.example/faq"):
    stats.pages += fetch_page(url).splitlines()[:2]
print(stats.pages)

grid = [[0] * 3 for _ in range(2)]
grid[1][2] += len(fetch_page("https://docs.example/export"))
grid[0][0] -= int(llm("Give a score for the export API"))
print(grid)

labels = {}
for t in topics:
    lab = llm(f"Classify: {t}")
    labels.setdefault(lab, 0)
    labels[lab] += 1
    stats.by_label[lab] = stats.by_label.get(lab, "") + t[0]
print(json.dumps(labels, sort_keys=True), json.dumps(stats.by_label, sort_keys=True))

rows = export("orders")
del rows[::3]
print([r["id"] for r in rows])
del rows[1:3]
print([r["id"] for r in rows])
del rows[-1]
first = rows[0]
del first["date"], first["customer_id"]
print(json.dumps(first, sort_keys=True))
for key in [k for k in labels if labels[k] < 2]:
    del labels[key]
print(json.dumps(labels, sort_keys=True))

stats.chars *= 2
stats.chars //= 3
counts["summary"] %= 97
print(stats.chars, counts["summary"])
del stats.by_label
print(hasattr(stats, "by_label"), sorted(vars(stats)))
