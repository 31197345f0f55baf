# Drain the default task queue as "function calls": handlers are script
# functions whose parameters carry typing.Annotated descriptions, read with
# get_type_hints(include_extras=True) next to inspect.signature (keyword-only
# parameters, defaults, a functools.partial handler); each call gets a uuid5
# id, is round-tripped through json, bound with bind_partial/apply_defaults,
# and failures are reported with sys.exc_info and format_exception_only.
# next_task waits in the while condition, the handlers wait inside.
import functools
import inspect
import json
import sys
import traceback
import uuid
from typing import Annotated, get_type_hints

NS = uuid.UUID("12345678-1234-5678-1234-567812345678")
HANDLERS = {}


def handles(kind, fn=None):
    def deco(fn):
        target = fn.func if isinstance(fn, functools.partial) else fn
        hints = get_type_hints(target, include_extras=True)
        docs = {
            n: h.__metadata__[0] for n, h in hints.items() if hasattr(h, "__metadata__")
        }
        HANDLERS[kind] = (fn, inspect.signature(fn), docs)
        return fn

    return deco if fn is None else deco(fn)


@handles("summarize")
def summarize(
    text: Annotated[str, "text to shorten"], *, words: Annotated[int, "max words"] = 6
) -> str:
    return " ".join(llm(f"Summarize: {text}").split()[:words])


@handles("email")
def email(
    to: Annotated[str, "address"],
    subject: Annotated[str, "subject line"],
    body: str = "",
) -> str:
    return send_email(to, f"{subject}\n{body}".strip())["id"]


@handles("export")
def export_table(table: Annotated[str, "table name"], *, status: str = "paid") -> list:
    return [row["id"] for row in export(table) if row.get("status") == status]


@handles("approve")
def ask(request: Annotated[str, "what a human must approve"]) -> bool:
    return approval(request) == "approved"


handles("shout", functools.partial(summarize, words=2))
schema = {
    kind: {
        n: [p.kind.name, None if p.default is p.empty else p.default, docs.get(n)]
        for n, p in sig.parameters.items()
    }
    for kind, (fn, sig, docs) in sorted(HANDLERS.items())
}
print(json.dumps(schema, sort_keys=True))
results = []
while (task := next_task()) is not None:
    call_id = str(uuid.uuid5(NS, f"{task['id']}:{task['kind']}"))
    call = json.loads(
        json.dumps({"id": call_id, "name": task["kind"], "payload": task["payload"]})
    )
    try:
        fn, sig, docs = HANDLERS[call["name"]]
        payload = call["payload"]
        args = (
            payload
            if isinstance(payload, dict)
            else {next(iter(sig.parameters)): payload}
        )
        bound = sig.bind_partial(**args)
        bound.apply_defaults()
        results.append((call["id"][:8], call["name"], fn(*bound.args, **bound.kwargs)))
    except Exception:
        etype, exc, _ = sys.exc_info()
        results.append(
            (
                call["id"][:8],
                call["name"],
                traceback.format_exception_only(etype, exc)[-1].strip(),
            )
        )
    if task["kind"] == "summarize":
        results.append(("shout", HANDLERS["shout"][0](task["payload"])))
print(*results, sep="\n")
