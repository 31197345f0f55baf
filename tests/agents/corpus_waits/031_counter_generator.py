# Count ticket labels: collections.Counter consumes a generator that asks the
# model for each label.
import collections

subjects = [
    "Login fails after password reset",
    "Invoice shows wrong VAT",
    "App crashes on upload of large files",
]
counts = collections.Counter(llm(f"Classify: {s}").lower() for s in subjects)

for label, n in sorted(counts.items()):
    print(f"{label:<10} {n}")
top, n = counts.most_common(1)[0]
print("most common:", n)
if counts["bug"] > 1:
    print("several bugs: open an incident")
else:
    print("no incident needed")
