# Tool schemas from signatures under postponed annotations (get_type_hints of
# Literal, Optional, list[...], a TypedDict); JSON function calls validated,
# bound and dispatched to tools that wait, also in a hot loop of 1200 calls.
from __future__ import annotations

import inspect
import json
import typing
from typing import Literal, Optional, TypedDict, get_args, get_origin, get_type_hints


class Address(TypedDict):
    to: str
    cc: Optional[str]


JSON_TYPES, REGISTRY = (
    {str: "string", int: "integer", float: "number", bool: "boolean"},
    {},
)
PY_TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "object": dict,
    "array": list,
}


def schema_of(tp):
    if get_origin(tp) is Literal:
        return {"enum": list(get_args(tp))}
    if get_origin(tp) is typing.Union:
        (inner,) = [a for a in get_args(tp) if a is not type(None)]
        return {**schema_of(inner), "nullable": True}
    if get_origin(tp) is list:
        return {"type": "array", "items": schema_of(*get_args(tp))}
    if typing.is_typeddict(tp):
        return {
            "type": "object",
            "properties": {k: schema_of(v) for k, v in get_type_hints(tp).items()},
            "required": sorted(tp.__required_keys__),
        }
    return {"type": JSON_TYPES[tp]}


def tool(fn):
    sig, hints = inspect.signature(fn), get_type_hints(fn)
    props = {n: schema_of(hints[n]) for n in sig.parameters}
    required = [n for n, p in sig.parameters.items() if p.default is p.empty]
    REGISTRY[fn.__name__] = (
        fn,
        sig,
        {"type": "object", "properties": props, "required": required},
    )
    return fn


def check(schema, value, path="$"):
    if value is None and schema.get("nullable"):
        return []
    if "enum" in schema:
        return (
            []
            if value in schema["enum"]
            else [f"{path}: {value!r} not one of {schema['enum']}"]
        )
    if not isinstance(value, PY_TYPES[schema["type"]]):
        return [f"{path}: expected {schema['type']}, got {type(value).__name__}"]
    if schema["type"] == "array":
        return [
            e
            for i, v in enumerate(value)
            for e in check(schema["items"], v, f"{path}[{i}]")
        ]
    if schema["type"] != "object":
        return []
    missing = [f"{path}.{k}: missing" for k in schema["required"] if k not in value]
    return missing + [
        e
        for k, v in value.items()
        if k in schema["properties"]
        for e in check(schema["properties"][k], v, f"{path}.{k}")
    ]


@tool
def notify(address: Address, level: Literal["info", "urgent"] = "info") -> dict:
    """Email someone; urgent mail needs a human's approval first."""
    if (
        level == "urgent"
        and approval(f"Send urgent mail to {address['to']}") != "approved"
    ):
        return {"status": "blocked"}
    return send_email(address["to"], f"[{level}] cc={address['cc']}")


@tool
def summarize(topics: list[str], words: Optional[int] = None) -> str:
    text = llm("Summarize: " + "; ".join(topics))
    return text if words is None else " ".join(text.split()[:words])


@tool
def score(name: str, weight: float = 1.0) -> float:
    return round(int(llm(f"Give a score for {name}")) * weight, 2)


print(json.dumps({name: entry[2] for name, entry in REGISTRY.items()}, sort_keys=True))
print(
    inspect.getdoc(REGISTRY["notify"][0]),
    REGISTRY["summarize"][1],
    get_type_hints(score)["return"],
)
CALLS = [
    '{"name": "score", "arguments": {"name": "ana", "weight": 0.5}}',
    '{"name": "drop_table", "arguments": {}}',
    '{"name": "notify", "arguments": {"address": {"to": "ben@example.com", "cc": null}, "level": "urgent"}}',
    '{"name": "summarize", "arguments": {"topics": ["outage", "billing", "export"], "words": 4}}',
    '{"name": "notify", "arguments": {"address": {"to": "ops@acme"}, "level": "loud"}}',
    '{"name": "notify", "arguments": {"address": {"to": "ops@acme", "cc": "x"}}}',
    '{"name": "score", "arguments": {"name": "cho", "extra": 1}}',
    '{"name": "summarize", "arguments": {"topics": ["a", 3]}',
]
for i, raw in enumerate(CALLS):
    try:
        call = json.loads(raw)
        fn, sig, schema = REGISTRY[call["name"]]
        if errors := check(schema, call["arguments"]):
            raise ValueError("; ".join(errors))
        (bound := sig.bind(**call["arguments"])).apply_defaults()
        print(i, "ok", fn(*bound.args, **bound.kwargs))
    except (KeyError, TypeError, ValueError, ToolError) as exc:
        print(i, type(exc).__name__, exc)
totals = {}
for k in range(1200):
    call = json.loads(
        json.dumps(
            {
                "name": "score",
                "arguments": {
                    "name": ("ana", "ben", "cho")[k % 3],
                    "weight": k % 7 / 4,
                },
            }
        )
    )
    (fn, sig, schema), args = REGISTRY[call["name"]], call["arguments"]
    totals[args["name"]] = totals.get(args["name"], 0) + (
        args["weight"] if check(schema, args) or k % 400 else fn(**args)
    )
print(sorted(totals.items()))
