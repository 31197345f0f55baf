# Compile a link check once and run it per page: exec() of a code object
# whose code waits for the page.
CHECK = compile(
    "text = fetch_page(url)\nok = 'Contact' in text or 'See' in text\n",
    "<check>",
    "exec",
)

pages = [
    "https://shop.example/pricing",
    "https://shop.example/terms",
]
results = {}
for url in pages:
    scope = {"fetch_page": fetch_page, "url": url}
    exec(CHECK, scope)
    results[url] = scope["ok"]
    print(url, "ok" if scope["ok"] else "missing links", len(scope["text"]))
print("failing:", [url for url, ok in results.items() if not ok])
