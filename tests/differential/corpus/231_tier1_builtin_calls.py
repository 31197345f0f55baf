# Builtin functions and methods called from hot loops: plain arguments, and
# the ones that reach script code or fail (hash of a script key, join of non-strings).
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and other.k == self.k
    def __repr__(self):
        return f"Key({self.k})"

words = []
table = {}
marks = set()
for i in range(60):
    w = f"w{i % 9}"
    words.append(w.upper())
    table[w] = table.get(w, 0) + len(w)
    marks.add(i % 4)
    if i % 10 == 0:
        table[Key(i)] = table.get(Key(i), 0) + 1
        marks.add(Key(i % 20))
print(len(words), words[:3], sorted((k, v) for k, v in table.items() if isinstance(k, str)))
print(sorted(repr(m) for m in marks))
print("-".join(words[:5]).lower().split("-"))
parts = []
for i in range(30):
    try:
        parts.append(",".join(["a", i, "b"]) if i % 7 == 0 else ",".join(["a", str(i)]))
    except TypeError as e:
        parts.append(type(e).__name__)
print(parts[:9])
stack = list(range(25))
popped = []
for i in range(30):
    try:
        popped.append(stack.pop())
    except IndexError as e:
        popped.append(str(e))
print(popped[-7:])
counts = {}
for ch in "the quick brown fox jumps over the lazy dog" * 3:
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items())[:6], max(counts.values()), len(str(counts)))
print([s.strip().title() for s in ["  ab ", "cd  ", " ef"] * 10][-3:])
print([int(s) for s in "10 20 30 x".split()[:3]] * 2, "x".isdigit(), abs(-3.5))
