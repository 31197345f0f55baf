# Gatekeeper agent: publish retrieved snippets only if every reviewer
# approves, stop early when any page is missing, and pick the best snippet
# with min/max keys that read model scores.
SNIPPETS = {
    "pricing": "Team plan costs 29.50 EUR per month",
    "auth": "Tokens expire after 3600 seconds",
    "launch": "Export API ships with CSV and JSON",
}
reviews = [approval(f"Publish snippet {name}: {text}") for name, text in SNIPPETS.items()]
print("all approved:", all(r == "approved" for r in reviews))

pages = [fetch_page(u) for u in ("https://docs.example/auth", "https://nowhere.example/p")]
print("any missing:", any(p.startswith("404") for p in pages))
print("all long:", all(len(p) > 40 for p in pages), "lengths:", [len(p) for p in pages])

scores = {name: llm(f"Give a score for the snippet {name}") for name in SNIPPETS}
best = max(SNIPPETS, key=lambda n: (int(scores[n]), n))
worst = min(SNIPPETS, key=lambda n: (int(scores[n]), n))
print("best:", best, "worst:", worst, {n: int(s) for n, s in sorted(scores.items())})
print("none:", max((n for n in SNIPPETS if int(scores[n]) > 1000), default=None))
print("empty min:", min([], default="-"), "shortest:", min(SNIPPETS.values(), key=len))
risky = approval("Delete the stale snippets from production")
kept = [n for n in SNIPPETS if risky != "approved" or int(scores[n]) > 50]
print("risky:", risky, "kept:", kept)
