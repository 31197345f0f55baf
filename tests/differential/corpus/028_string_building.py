parts = []
for i in range(5):
    parts.append(f"<{i}>")
print("".join(parts))
s = ""
for ch in "hello":
    s += ch.upper() + "."
print(s)
lines = ["header"]
for row in range(3):
    cells = [str(row * col) for col in range(4)]
    lines.append(" | ".join(cells))
print("\n".join(lines))
import io
buf = io.StringIO()
buf.write("a")
buf.write("b" * 3)
print("written", file=buf)
print(repr(buf.getvalue()))
def render(node, depth=0):
    name, children = node
    out = "  " * depth + name + "\n"
    for child in children:
        out += render(child, depth + 1)
    return out
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [])])
print(render(tree), end="")
words = ["alpha", "beta", "gamma"]
sentence = ", ".join(words[:-1]) + " and " + words[-1]
print(sentence)
table = {"x": 1, "yy": 22, "zzz": 333}
width = max(len(k) for k in table)
for k, v in table.items():
    print(k.ljust(width), "=", str(v).rjust(4))
acc = []
acc += "abc"
acc += ["d"]
print(acc, "".join(acc)[::-1])
print(("=" * 10) + "|" + "-" * 5)
