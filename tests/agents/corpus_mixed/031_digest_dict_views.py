# Build a digest of pages: the summaries are requested first and kept in a
# dict while still pending; the digest reads them through the dict's views
# (items(), values()) handed to str.join, print, max and sorted.
pages = {
    "pricing": "https://shop.example/pricing",
    "outage": "https://news.example/outage",
    "launch": "https://news.example/launch",
}
texts = {name: fetch_page(url) for name, url in pages.items()}
summaries = {name: llm(f"Summarize: {text.splitlines()[0]}") for name, text in texts.items()}

for name, summary in summaries.items():
    print(f"{name:>8}: {summary.removeprefix('Summary: ')}")

print(" | ".join(summaries.values()))
print(max(summaries.values(), key=len)[:30], sorted(summaries.items())[0][0])
print(summaries.items())
print(len(list(summaries.values())), sorted(summaries))

labels = {name: llm(f"Classify: the {name} page") for name, text in texts.items()}
print(", ".join(f"{name}={label}" for name, label in labels.items()))
print(", ".join(sorted(set(labels.values()))), list(labels.values()).count("bug"))

short = {name: summary for name, summary in summaries.items() if len(summary) < 40}
print(sorted(short), any(s.endswith("words)") for s in summaries.values()))
groups = {}
for name, label in sorted(labels.items(), key=lambda kv: kv[1]):
    groups.setdefault(label, []).append(name)
print(groups)
print(db_write([{"page": name, "label": label} for name, label in labels.items()], table="digest"))
