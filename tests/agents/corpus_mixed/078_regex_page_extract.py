# Crawl pricing pages, extracting prices, emails and links with compiled regexes
# created before the first wait and used after every one.
import re

PRICE = re.compile(r"(?P<plan>[A-Z][a-z]+):\s+(?P<amount>\d+\.\d{2})\s+(?P<cur>[A-Z]{3})")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w+")
LINK = re.compile(r"https://(?P<host>[\w.]+)(?P<path>/\S*)")
DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

seen = set()
queue = ["https://shop.example/pricing"]
found = []
while queue and len(seen) < 4:
    url = queue.pop(0)
    if url in seen:
        continue
    seen.add(url)
    text = fetch_page(url)
    for m in PRICE.finditer(text):
        found.append((m["plan"], float(m.group("amount")), m.group(3)))
        print("price", m.groupdict(), m.span())
    mails = EMAIL.findall(text)
    for m in LINK.finditer(text):
        if m.group(0) not in seen:
            queue.append(m.group(0))
    for y, mo, d in DATE.findall(text):
        print("date", int(y), int(mo), int(d))
    print(url, "emails:", mails, "queue:", len(queue))

def euro_to_cents(m):
    return f"{int(round(float(m['amount']) * 100))} cents"

pricing = fetch_page("https://shop.example/pricing")
print(PRICE.sub(euro_to_cents, pricing).splitlines()[1:4])
print(EMAIL.sub(lambda m: m.group(0).split("@")[0] + "@***", pricing).splitlines()[-2])
print(sorted(found))
print(sorted(seen))
print(PRICE.pattern[:20], PRICE.groups, sorted(PRICE.groupindex.items()))
check = approval(f"Publish {len(found)} prices")
print(check, re.split(r"\s*[,;]\s*", "a, b;c ,d"))
