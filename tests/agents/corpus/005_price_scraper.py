# Scrape the pricing pages, extract prices and contacts with regular
# expressions, and store a JSON digest.
import json
import re

urls = [
    "https://shop.example/pricing",
    "https://news.example/launch",
    "https://shop.example/missing",
]
sizes = {url: len(fetch_page(url)) for url in urls}
print("sizes:", sizes)

PRICE = re.compile(r"(?P<plan>[A-Z][a-z]+): (?P<amount>\d+\.\d{2}) EUR")
EMAIL = re.compile(r"[\w.]+@[\w.]+\.\w+")

digest = {}
for url in urls:
    page = fetch_page(url)
    if page.startswith("404"):
        print("skipped", url)
        continue
    prices = {m.group("plan"): float(m.group("amount")) for m in PRICE.finditer(page)}
    contacts = EMAIL.findall(page)
    digest[url] = {"prices": prices, "contacts": contacts, "title": page.splitlines()[0]}

cheapest = min((amount, plan) for info in digest.values() for plan, amount in info["prices"].items())
print("cheapest:", cheapest)
blob = json.dumps(digest, sort_keys=True, indent=2)
print(blob)
db_write([{"url": url, "plans": len(info["prices"])} for url, info in digest.items()])
