# Annotate search results with model output inside comprehensions of several
# kinds.
queries = ["refund policy", "vat rates", "export api"]
results = {q: search(q, limit=2) for q in queries}

lengths = {q: len(llm(f"Summarize: {q}")) for q in queries}
print("lengths:", lengths)

labels = [llm(f"Classify: {r['title']}") for q in queries for r in results[q] if r["score"] > 0.8]
print("labels:", labels)

unique = sorted({llm(f"Classify: {q}") for q in queries})
print("unique:", unique)

total = sum(len(llm(f"Summarize: {r['url']}")) for r in results["vat rates"])
print("total:", total)

table = [[q, r["score"]] for q in queries for r in results[q]]
print(max(table, key=lambda row: row[1]), len(table))
