import re

log = """2024-01-03 ERROR disk full on /dev/sda1
2024-01-04 INFO backup done
2024-01-05 ERROR timeout contacting api.example.com"""
pattern = re.compile(r"^(\d{4}-\d{2}-\d{2}) (ERROR|INFO) (.*)$", re.MULTILINE)
for date, level, message in pattern.findall(log):
    print(date, level, message.upper() if level == "ERROR" else message)
print(re.sub(r"\d", "#", "room 101, floor 3"))
m = re.search(r"(?P<host>[a-z.]+\.com)", log)
print(m.group("host"), m.span())
print(re.split(r"[,;]\s*", "a, b;c,  d"))
