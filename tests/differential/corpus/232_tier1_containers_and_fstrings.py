# Containers, comprehensions and f-strings built in hot loops: plain values,
# script objects as keys and formatted values, futures-free errors.
class Tag:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return hash(self.name)
    def __eq__(self, other):
        return isinstance(other, Tag) and other.name == self.name
    def __format__(self, spec):
        return f"<{self.name}:{spec}>"
    def __repr__(self):
        return f"Tag({self.name!r})"

rows = []
for i in range(40):
    row = {"id": i, "name": f"item-{i:03d}", "score": i * 1.5, "ok": i % 3 == 0}
    rows.append((row["id"], row["name"], [row["score"], row["ok"]]))
print(rows[:2], len(rows))
lines = [f"{r[0]:>4}|{r[1]!r}|{r[2][0]:.2f}|{r[2][1]}" for r in rows]
print(lines[-2:])
tags = {Tag(f"t{i % 5}"): i for i in range(30)}
print(sorted((t.name, v) for t, v in tags.items()))
uniq = {Tag(f"u{i % 3}") for i in range(30)}
print(sorted(t.name for t in uniq))
plain = {i % 7: str(i) for i in range(50)}
marks = {f"k{i % 4}" for i in range(50)}
print(plain, sorted(marks))
print([f"{Tag('x'):spec} {t!r} {t!s:>3} {None} {True:d}" for t in range(3)] * 2)
text = ""
for i in range(30):
    text += f"{i}{'-' if i % 2 else '+'}"
print(text, f"{3.14159:{'.3f'}}", f"{'a'!a}{'é'!a}")
for i in range(20):
    try:
        bad = f"{i:q}"
    except ValueError as e:
        bad = str(e)
print(bad)
nested = [[j * i for j in range(4)] for i in range(25)]
print(nested[-1], sum(map(sum, nested)))
pairs = [(a, b) for a in range(6) for b in "xy" if a % 2]
print(pairs, tuple(p[0] for p in pairs))
