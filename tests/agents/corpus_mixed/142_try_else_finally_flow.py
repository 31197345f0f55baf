# Call a flaky tool for a batch of items: try/except/else inside loops with
# continue and break in finally blocks that wait on the model, and errors
# raised from inside generator expressions over waited values.
import json

log = []
results = {}
for n in [1, 3, 4, 5, 7, 8]:
    try:
        value = flaky_tool(n)
    except ToolError as error:
        log.append(f"{n}: {error.code}")
        if not error.retryable:
            continue
    except json.JSONDecodeError:
        log.append(f"{n}: garbage")
    else:
        results[n] = value["square"]
    finally:
        note = llm(f"Classify: outcome of item {n}")
        if note == "billing":
            log.append(f"{n}: stop on {note}")
            break
        log.append(f"{n}: {note}")
        continue
print(json.dumps(results, sort_keys=True))
print(log)


def parse_scores(topics):
    return sum(int(llm(f"Give a score for {t}")) // (len(t) - 5) for t in topics)


for batch in (["alpha", "gamma"], ["uploads", "billing"], ["searching"]):
    try:
        total = parse_scores(batch)
    except ZeroDivisionError as error:
        print("batch", batch, "failed:", error)
    else:
        print("batch", batch, "total", total)


def checked(pages):
    return [len(t) for t in (fetch_page(u) for u in pages) if not t.startswith("404") or (_ for _ in ()).throw(LookupError(t.strip()))]


for pages in (["https://shop.example/terms"], ["https://shop.example/faq", "https://missing.example/"]):
    try:
        print("lengths", checked(pages))
    except LookupError as error:
        print("lookup failed:", error)

attempt = 0
while True:
    attempt += 1
    try:
        if attempt < 3:
            raise TimeoutError(f"attempt {attempt}")
        answer = approval(f"Retry attempt {attempt} of the report")
    except TimeoutError as error:
        print("timeout", error)
    else:
        print("answer", answer)
    finally:
        if attempt >= 3:
            print("finally breaks at", attempt)
            break
print("done after", attempt)

gen = (int(llm(f"Give a score for {w}")) for w in ("x", "y"))
try:
    print(max(gen), next(gen, "exhausted"))
except ValueError as error:
    print("max failed", error)
