def search_web(query):
    return [f"result for {query} #{i}" for i in range(1, 3)]
def summarize(texts, max_words=5):
    words = " ".join(texts).split()
    return " ".join(words[:max_words]) + ("..." if len(words) > max_words else "")
def send_email(to, body):
    if "@" not in to:
        raise ValueError(f"invalid recipient {to!r}")
    return {"status": "sent", "to": to, "chars": len(body)}
TOOLS = {"search": search_web, "summarize": summarize, "email": send_email}
tasks = [
    {"tool": "search", "args": {"query": "weather paris"}},
    {"tool": "summarize", "args": {"texts": ["one two three", "four five six seven"]}},
    {"tool": "email", "args": {"to": "ann@example.com", "body": "hello"}},
    {"tool": "email", "args": {"to": "broken-address", "body": "x"}},
    {"tool": "translate", "args": {"text": "hola"}},
]
results = []
for number, task in enumerate(tasks, 1):
    name = task["tool"]
    tool = TOOLS.get(name)
    if tool is None:
        print(f"[{number}] unknown tool {name!r}, skipping")
        results.append(("skipped", name))
        continue
    try:
        output = tool(**task["args"])
    except ValueError as exc:
        print(f"[{number}] {name} failed: {exc}")
        results.append(("failed", name))
    else:
        print(f"[{number}] {name} -> {output}")
        results.append(("ok", name))
summary = {}
for status, _ in results:
    summary[status] = summary.get(status, 0) + 1
print("summary:", summary)
print("success rate: {:.0%}".format(summary.get("ok", 0) / len(tasks)))
