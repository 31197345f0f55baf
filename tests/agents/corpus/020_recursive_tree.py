# Summarize a category tree bottom-up: each node's summary is built from its
# children's summaries, recursively.
TREE = {
    "support": {
        "login": {},
        "billing": {"vat": {}, "refunds": {}},
    },
    "product": {"export": {}},
}


def summarize(name, children, depth=0):
    parts = [summarize(child, grandchildren, depth + 1) for child, grandchildren in sorted(children.items())]
    prompt = f"Summarize topic {name}" + (" with " + "; ".join(parts) if parts else "")
    summary = llm(prompt)
    words = len(summary.split())
    print("  " * depth + f"{name}: {words} words")
    return f"{name}[{words}]"


def count(tree):
    return sum(1 + count(children) for children in tree.values())


results = [summarize(name, children) for name, children in TREE.items()]
print(results)
print("nodes:", count(TREE))
