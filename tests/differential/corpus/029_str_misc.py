import re
text = "Order 66 shipped on 2024-01-15; order 7 pending since 2023-12-31."
print(re.findall(r"\d{4}-\d{2}-\d{2}", text))
m = re.search(r"(\w+) (\d+) pending", text)
print(m.group(0), m.group(1), m.group(2), m.groups(), m.span())
print(re.sub(r"\d+", lambda mo: str(int(mo.group()) * 2), "a1 b22 c333"))
print(re.split(r"[;,]\s*", "a, b;c,  d"))
pattern = re.compile(r"(?P<key>\w+)=(?P<val>\w+)")
for mo in pattern.finditer("x=1 y=two z=3"):
    print(mo.group("key"), mo.group("val"), mo.start())
print(bool(re.match(r"^[A-Z]", "Hello")), re.fullmatch(r"\d+", "12a"))
import textwrap
para = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(para, 20))
print(textwrap.shorten(para, 30))
print(textwrap.dedent("    a\n      b\n    c"))
print(textwrap.indent("x\ny", "> "))
import string
print(string.ascii_lowercase[:5], string.digits, string.punctuation[:5])
print("hello world".title(), string.capwords("hello   world"))
s = "Mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(s.lower().count("ss"), s.index("ss", 3), s[s.find("p"):])
print("%s" % s.encode("ascii"), s.encode().hex())
print("a\tb\\n", r"a\tb", "\x41\u00e9\N{BULLET}", len("\N{BULLET}"))
print("multi\nline".split("\n"), """triple
quoted""".upper())
