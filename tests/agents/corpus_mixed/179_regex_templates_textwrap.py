# Render notification templates from fetched pages: named-group regexes
# extract plans and prices, re.sub with a callback redacts emails (the
# first one of each domain waits for approval inside the callback),
# str.format_map fills templates through a dict subclass with __missing__,
# and textwrap wraps, indents and shortens 300 rendered notices.
import re
import textwrap

PRICE = re.compile(r"^(?P<plan>[A-Z][a-z]+): (?P<amount>\d+\.\d{2}) (?P<cur>EUR|USD) per (?P<unit>month|year)$", re.M)
EMAIL = re.compile(r"\b(?P<user>[\w.+-]+)@(?P<domain>[\w-]+(?:\.[\w-]+)+)\b")


class Defaults(dict):
    def __missing__(self, key):
        return f"<{key}>"


decisions = {}


def redact(match):
    domain = match["domain"]
    if domain not in decisions:
        decisions[domain] = approval(f"Show contact address at {domain} in notices")
    return match[0] if decisions[domain] == "approved" else f"{match['user'][0]}***@{domain}"


pages = {url: fetch_page(url) for url in ("https://shop.example/pricing", "https://news.example/outage")}
plans = [m.groupdict() for m in PRICE.finditer(pages["https://shop.example/pricing"])]
print(plans[0], [p["plan"] for p in plans])
texts = {url: EMAIL.sub(redact, text) for url, text in pages.items()}
print(sorted(decisions.items()), [line for t in texts.values() for line in t.splitlines() if "@" in line])

template = "Dear {name}, your {plan} plan costs {amount} {cur} per {unit}; questions go to {contact}. Ref {ref}"
notices = []
for i in range(300):
    plan = plans[i % len(plans)]
    fields = Defaults(plan, name=f"customer {i:03d}", ref=f"N-{i * 37 % 1000:03d}")
    if i % 4:
        fields["contact"] = "the support team"
    notices.append(template.format_map(fields))
wrapped = [textwrap.fill(n, width=48, initial_indent="> ", subsequent_indent="  ") for n in notices]
print(wrapped[1])
print(sum(w.count("\n") for w in wrapped), sum("<contact>" in n for n in notices))
print(textwrap.shorten(notices[0], width=60, placeholder=" [...]"))
print(
    textwrap.indent(
        textwrap.dedent("""\
    Totals:
      plans: {0}
    """).format(len(plans)),
        "| ",
    ),
    end="",
)
