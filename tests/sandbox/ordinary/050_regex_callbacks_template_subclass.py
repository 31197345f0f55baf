import re
p = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)")
print([m.groupdict() for m in p.finditer("a=1;b=two;c=")])
print(p.sub(lambda m: f"{m['key'].upper()}:{m['val'] or '-'}", "a=1;b=two;c="))
print(re.fullmatch(r"[a-z]+", "abc") is not None, re.escape("a.b*c"))
import textwrap, string
print(string.Template("${a}${b}").substitute({"a": 1}, b=2))
class T(string.Template): delimiter = "%"
print(T("%x and %y").safe_substitute(x=1))
import random
class Fixed(random.Random):
    def random(self): return 0.5
print(Fixed().choice("abc"), Fixed(3).randint(1, 10))
