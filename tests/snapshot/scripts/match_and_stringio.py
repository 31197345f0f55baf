import io
import re

pattern = re.compile(r"(?P<key>\w+)=(?P<value>\d+)")
found = pattern.search("x: retries=3, timeout=40")
anchored = re.match(r"(\d+)-(\d+)", "12-34 rest")
buffer = io.StringIO()
buffer.write("header\n")
raw = io.BytesIO(b"abc")
raw.read(1)
effect(wait(found.group("key")))
buffer.write(f"{found['key']}={found['value']} at {found.span()}\n")
print(found.groupdict(), found.lastgroup, anchored.groups(), anchored.end())
print(buffer.getvalue(), raw.read(), found.re is pattern)
