# Publish summaries of three pages: the summary is awaited in the try, a
# fallback model call runs in the except, the else asks for approval and the
# finally records the attempt with a wait of its own.
class SummaryRejected(Exception):
    pass


def summarize(url):
    text = fetch_page(url)
    if text.startswith("404"):
        raise LookupError(f"missing page {url}")
    summary = llm(f"Summarize: {text.splitlines()[0]}")
    if "Terms" in summary:
        raise SummaryRejected(summary)
    return summary


published, skipped, attempts = [], [], []
for url in ["https://shop.example/pricing", "https://shop.example/gone", "https://shop.example/terms"]:
    try:
        summary = summarize(url)
    except LookupError as err:
        fallback = llm(f"Classify this failure: {err}")
        skipped.append((url, fallback))
        print("lookup failed:", err, "->", fallback)
    except SummaryRejected as err:
        plan = llm(f"Plan a rewrite: {err.args[0][:30]}")
        skipped.append((url, plan.splitlines()[0]))
        print("rejected:", plan.splitlines()[-1])
    else:
        decision = approval(f"Publish summary of {url}: {summary[:40]}")
        if decision == "approved":
            published.append(url)
        print("published" if decision == "approved" else "held", url)
    finally:
        verdict = llm(f"yes or no: was {url} handled?")
        attempts.append(verdict)
        print("attempt recorded:", url.rsplit("/", 1)[-1], verdict)

print("published:", published)
print("skipped:", skipped)
db_write([{"url": u, "verdict": v} for u, v in zip(["pricing", "gone", "terms"], attempts)], table="attempts")
