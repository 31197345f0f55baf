# An agent fans out checks, collects failures into an ExceptionGroup and handles them with except*.
import contextlib
import json


class CheckFailed(Exception):
    def __init__(self, name, detail):
        super().__init__(f"{name}: {detail}")
        self.name = name


def run_checks(urls):
    errors = []
    texts = {}
    for url in urls:
        text = fetch_page(url)
        if text.startswith("404"):
            errors.append(CheckFailed(url.rsplit("/", 1)[-1], "page missing"))
        elif "EUR" not in text:
            errors.append(ValueError(f"no price on {url.rsplit('/', 1)[-1]}"))
        else:
            texts[url] = text
    if errors:
        raise ExceptionGroup("checks failed", errors)
    return texts


urls = ["https://shop.example/pricing", "https://shop.example/faq", "https://shop.example/gone",
        "https://news.example/launch", "https://shop.example/terms"]
handled = []
try:
    run_checks(urls)
except* CheckFailed as group:
    names = [e.name for e in group.exceptions]
    decision = approval(f"Ignore missing pages {names}?")
    handled.append(("missing", names, decision))
    print("missing pages:", names, decision)
except* ValueError as group:
    msgs = sorted(str(e) for e in group.exceptions)
    label = llm(f"Classify these failures: {msgs}")
    handled.append(("value", msgs, label))
    print("value errors:", msgs, "->", label)

print(json.dumps(handled))

with contextlib.suppress(ToolError):
    export("payments")
    print("not reached")
print("suppressed the missing table")

with contextlib.suppress(KeyError, IndexError):
    rows = export("orders")
    print("first order:", rows[0]["id"])
    print("missing field:", rows[0]["currency"])
print("after suppress, rows:", len(rows))

eg = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), KeyError("c")])])
matched, rest = eg.split(TypeError)
print("split:", repr(matched), "| rest:", repr(rest))
try:
    raise eg
except* (TypeError, KeyError) as g:
    ok = approval("Accept type/key errors in nested group")
    print("nested handled:", [repr(e) for e in g.exceptions], ok)
except* ValueError as g:
    print("value:", [str(e) for e in g.exceptions], "count", len(g.exceptions))
