# A tool registry built by a decorator from docstrings and signatures, and a
# plan/act/observe loop that dispatches JSON tool calls with **kwargs.
import inspect
import json
from typing import Any, Callable, Optional

TOOLS: dict[str, dict[str, Any]] = {}
_PY_TO_JSON = {str: "string", int: "integer", float: "number", bool: "boolean"}


def tool(fn: Callable[..., Any]) -> Callable[..., Any]:
    sig = inspect.signature(fn)
    props: dict[str, Any] = {}
    required: list[str] = []
    for name, param in sig.parameters.items():
        props[name] = {"type": _PY_TO_JSON.get(param.annotation, "object")}
        if param.default is inspect.Parameter.empty:
            required.append(name)
        else:
            props[name]["default"] = param.default
    TOOLS[fn.__name__] = {
        "fn": fn,
        "schema": {"name": fn.__name__, "description": inspect.getdoc(fn), "parameters": {"type": "object", "properties": props, "required": required}},
    }
    return fn


@tool
def summarize(text: str, max_words: int = 6) -> str:
    """Summarize a text with the language model."""
    answer = llm(f"Summarize: {text}")
    return " ".join(answer.removeprefix("Summary: ").split()[:max_words])


@tool
def classify(text: str) -> str:
    """Classify a support ticket into a label."""
    return llm(f"Classify: {text}").upper()


@tool
def web_search(query: str, limit: int = 2) -> list:
    """Search the web."""
    return [r["url"] for r in search(query, limit)]


print(json.dumps([t["schema"] for t in TOOLS.values()], indent=2))

messages: list[dict[str, Any]] = [{"role": "system", "content": "You are a helpful agent."}]
script_replies = [
    '{"tool_calls": [{"name": "classify", "arguments": {"text": "Invoice shows wrong VAT"}}]}',
    '{"tool_calls": [{"name": "summarize", "arguments": {"text": "The outage lasted 14 minutes and affected uploads only", "max_words": 4}}, {"name": "web_search", "arguments": {"query": "vat fix"}}]}',
    '{"tool_calls": [], "content": "done"}',
]
step = 0
MAX_STEPS = 5
final: Optional[str] = None
while True:
    if step >= MAX_STEPS:
        break
    reply = json.loads(script_replies[step])
    messages.append({"role": "assistant", "content": reply.get("content", ""), "tool_calls": reply["tool_calls"]})
    if not reply["tool_calls"]:
        final = reply["content"]
        break
    for call in reply["tool_calls"]:
        entry = TOOLS[call["name"]]
        result = entry["fn"](**call["arguments"])
        messages.append({"role": "tool", "name": call["name"], "content": json.dumps(result)})
        print(f"step {step}: {call['name']:<10} -> {result}")
    step += 1

print("final:", final, "steps:", step)
for i, m in enumerate(messages):
    print(f"{i:>2} {m['role']:<9} {str(m.get('content'))[:50]}")
