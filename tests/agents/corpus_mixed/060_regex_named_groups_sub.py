# Price watch: fetch pages, parse plan prices with named-group regexes,
# asking to publish each one inside the finditer loop,
# redact e-mail addresses with re.sub and a function that asks for approval,
# normalise with a translate table and format a table with format specs.
import re
from decimal import Decimal

PRICE = re.compile(r"^(?P<plan>[A-Z][a-z]+):\s+(?P<amount>\d+\.\d{2})\s+(?P<cur>[A-Z]{3})\b", re.M)
EMAIL = re.compile(r"(?P<user>[\w.+-]+)@(?P<host>[\w-]+(?:\.[\w-]+)+)")
LINK = re.compile(r"https://(?P<host>[^/\s]+)(?P<path>/\S*)?")

page = fetch_page("https://shop.example/pricing")
plans = {m["plan"]: Decimal(m.group("amount")) for m in PRICE.finditer(page)}
print(plans, [m.groupdict()["cur"] for m in PRICE.finditer(page)][:1])
for m in PRICE.finditer(page):
    print(m.start(), m["plan"], approval(f"Publish the {m['plan']} price of {m['amount']} {m['cur']}"))
for name, amount in sorted(plans.items(), key=lambda kv: kv[1], reverse=True):
    print(f"{name!r:>14} {amount:>8.2f} {amount * 12:>9,.2f}/yr")

decisions = {}


def redact(match):
    host = match.group("host")
    if host not in decisions:
        decisions[host] = approval(f"Publish addresses at {host}")
    if decisions[host] == "approved":
        return f"{match['user'][0]}***@{host}"
    return "[redacted]"


links = LINK.findall(page)
print(links)
for url in sorted({f"https://{host}{path}" for host, path in links}):
    text = fetch_page(url)
    print(url, "->", EMAIL.sub(redact, text).splitlines()[-2:])
cleaned, count = EMAIL.subn(redact, page)
print(count, cleaned.splitlines()[4])
table = str.maketrans({":": " =", "\n": " | "})
print(page.splitlines()[1].translate(table), re.split(r"\s*:\s*", page.splitlines()[2], maxsplit=1))
dates = re.findall(r"(\d{4})-(\d{2})-(\d{2})", fetch_page("https://shop.example/terms"))
print(dates, re.fullmatch(r"(?i)effective", "EFFECTIVE") is not None, re.escape("9.99 EUR"))
