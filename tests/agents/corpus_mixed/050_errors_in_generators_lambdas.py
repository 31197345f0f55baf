# Rank pages while answers are pending: exceptions raised inside a generator,
# a comprehension and lambdas handed to sorted/map are caught by the agent,
# which then uses the pending answers.
def scored(urls):
    for url in urls:
        if "missing" in url:
            raise LookupError(f"no such page {url}")
        yield url, len(url)


urls = ["https://shop.example/pricing", "https://docs.example/auth", "https://shop.example/missing"]
pending = [fetch_page(u) for u in urls[:2]]
seen = []
try:
    for url, score in scored(urls):
        seen.append((url, score))
except LookupError as err:
    print("generator failed:", err, "after", len(seen))
    print("first lines:", [p.splitlines()[0] for p in pending])

verdict = llm("yes or no: rank by length?")
try:
    ranked = sorted(urls, key=lambda u: PAGES_SEEN[u])
except NameError as err:
    print("sort key failed:", err, "| verdict", verdict)
    ranked = sorted(urls, key=lambda u: (verdict == "yes", -len(u)))
print(ranked)

label = llm("Classify page sizes")
try:
    sizes = list(map(lambda p: len(p) // (0 if p.startswith("Auth") else 1), pending))
except ZeroDivisionError as err:
    print("map failed:", err, "| label", label)
    sizes = [len(p) for p in pending]

plan = llm("Plan: check the pages")
try:
    numbers = [int(line.split(".")[0]) for line in plan.splitlines() + ["x. extra"]]
except ValueError as err:
    print("comprehension failed:", str(err).split(":")[0], "| steps", plan.count("\n") + 1)
    numbers = [i + 1 for i, _ in enumerate(plan.splitlines())]

gen = (p.splitlines()[1] for p in pending)
first = next(gen)
try:
    next(gen)
    next(gen)
except StopIteration:
    print("generator exhausted after", first)
db_write([{"sizes": sizes, "numbers": numbers, "ranked": ranked}], table="ranking")
