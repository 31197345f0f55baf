# An agent chains errors with `raise ... from` and prints the chain with traceback.
import json
import traceback


class FetchFailed(Exception):
    pass


class ReportFailed(Exception):
    pass


def parse(text):
    return json.loads(text)


def load_report(prompt):
    raw = llm(prompt)
    try:
        return parse(raw)
    except json.JSONDecodeError as err:
        raise FetchFailed(f"model returned malformed JSON ({len(raw)} chars)") from err


def build():
    try:
        return load_report("Return malformed JSON for the weekly report")
    except FetchFailed:
        decision = approval("Use last week's report instead?")
        raise ReportFailed(f"fallback {decision}")  # implicit chaining


try:
    build()
except ReportFailed as e:
    print("caught:", e)
    print("cause:", e.__cause__, "| suppress:", e.__suppress_context__)
    ctx = e.__context__
    print("context:", type(ctx).__name__, "-", ctx)
    print("context.cause:", type(ctx.__cause__).__name__, "| suppress:", ctx.__suppress_context__)
    lines = traceback.format_exception(e)
    print("last line:", lines[-1].strip())
    print("chain markers:", [line.strip() for line in lines if line.lstrip().startswith(("The above", "During"))])
    print("".join(traceback.format_exception_only(type(e), e)).strip())

rows = export("orders")
try:
    try:
        total = sum(float(r["amount"]) for r in rows if r["status"] == "paid")
        ratio = total / len([r for r in rows if r["status"] == "lost"])
    except ZeroDivisionError as err:
        raise ValueError("no lost orders to compare with") from None
except ValueError as e:
    print("from None:", e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
    print("format_exc tail:", traceback.format_exc().strip().splitlines()[-1])

text = fetch_page("https://shop.example/pricing")
try:
    prices = {line.split(":")[0]: float(line.split(":")[1].split()[0]) for line in text.splitlines()[1:]}
except (ValueError, IndexError) as e:
    print("parse failed:", type(e).__name__, str(e))
    full = traceback.format_exc()
    print(full.rstrip())
