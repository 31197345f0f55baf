# Label tickets and events with comprehension-heavy code: dict, set and
# nested comprehensions whose elements wait for the model, a Counter and a
# defaultdict of labels, and conditional expressions inside f-strings.
from collections import Counter, defaultdict

tickets = export("tickets")
labels = {t["id"]: llm(f"Classify the ticket: {t['subject']}") for t in tickets}
print(labels)
by_label = defaultdict(list)
for tid, label in sorted(labels.items()):
    by_label[label].append(tid)
print(dict(sorted(by_label.items())))

counts = Counter(labels.values())
print(sorted(counts.items()), counts.most_common(1)[0][1])
distinct = sorted({label for label in labels.values() if label != "question"})
print(distinct)

events = export("events")
matrix = [[e["action"][0] for e in events if e["user"] == user] for user in sorted({e["user"] for e in events})]
print(matrix)
flags = [
    (t["id"], verdict)
    for t in tickets
    if t["priority"] <= 2
    for verdict in [llm(f"Answer yes or no: escalate {t['subject']}?")]
    if verdict in ("yes", "no")
]
print(flags)
print(", ".join(f"{tid}:{'!' if v == 'yes' else '-'}" for tid, v in flags))
first_bug = next((tid for tid, label in labels.items() if label == "bug"), None)
print("first bug:", first_bug, all(isinstance(v, str) for v in labels.values()))
summary = {k: len(v) for k, v in by_label.items() if len(v) > 1} or {"none": 0}
print(summary, sum(len(v) for v in by_label.values()))
tones = Counter(llm(f"Classify the tone of: {t['subject']}") for t in tickets[:3])
print(sorted(tones.items()))
ordered = sorted(labels.items(), key=lambda kv: (int(llm(f"Give a score for the ticket {kv[0]}")), kv[0]))
print([k for k, _ in ordered])
print(dict(zip(sorted(labels), map(lambda tid: labels[tid].upper(), sorted(labels)))))
