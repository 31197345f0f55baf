# Queue-draining retrieval agent: lazy iterators (iter with a sentinel,
# map, enumerate, zip, groupby groups, tee, islice) are kept alive across
# waits and consumed partly before and partly after them.
import itertools

tasks = iter(lambda: next_task("support"), None)
first = next(tasks)
print("first:", first["id"], first["payload"]["customer"])
rest = [t["id"] for t in tasks]
print("rest:", rest)

urls = ["https://docs.example/auth", "https://docs.example/export", "https://shop.example/terms", "https://shop.example/faq"]
heads = map(lambda u: fetch_page(u).partition("\n")[0], urls)
numbered = enumerate(heads, start=1)
print("one:", next(numbered))
pair = zip(itertools.count(100), numbered)
print("two:", next(pair))
verdict = llm("Answer yes or no: keep reading the docs?")
print("verdict:", verdict, "left:", list(pair))

rows = [("docs", u) for u in urls[:2]] + [("shop", u) for u in urls[2:]]
for site, group in itertools.groupby(rows, key=lambda r: r[0]):
    label = llm(f"Classify this site: {site}")
    print(site, label, [u.rsplit("/", 1)[1] for _, u in group])
a, b = itertools.tee(u.rsplit("/", 1)[1] for u in urls)
print("a:", list(itertools.islice(a, 2)))
check = approval("Publish the tee'd page list")
print("b:", list(b), "a rest:", list(a), check)
