print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued")
print("x", "y", sep="-", end="!\n")
print()
print("", end="")
print("multi\nline")
print(1, 2.5, None, True, [1, "a"], {"k": (1,)})
print("tab\tseparated", "with\\backslash")
print(*range(5), sep=" + ", end=" = ")
print(sum(range(5)))
print("sep None", "end None", sep=None, end=None)
for i in range(3):
    print(i, end=" ")
print()
import io
buf = io.StringIO()
print("to buffer", 42, sep=":", file=buf)
print("also", file=buf, end="")
print(repr(buf.getvalue()))
print(file=buf)
print(repr(buf.getvalue()))
print("flush ok", flush=True)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
class Custom:
    def __str__(self):
        return "custom-str"
print(Custom(), [Custom.__name__])
print("unicode: é ü ☃ 日本")
print("%d items" % 3, "{} things".format(4), f"{5} others", sep=" | ")
