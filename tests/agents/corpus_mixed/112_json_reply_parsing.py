# The model is asked for JSON; the agent parses it, falls back on a repair
# prompt for malformed replies, and turns fields into tool calls.
import json
from dataclasses import dataclass
from typing import Any, Optional


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any]


class ReplyParser:
    def __init__(self) -> None:
        self.failures = 0

    def parse(self, prompt: str) -> Optional[dict[str, Any]]:
        text = llm(prompt)
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            self.failures += 1
            start = text.find("{")
            repaired = llm(f"Return JSON only, fix this: {text[start:]}")
            return json.loads(repaired)

    def to_calls(self, reply: dict[str, Any]) -> list[ToolCall]:
        calls = [ToolCall("search", {"query": tag, "limit": 1}) for tag in reply.get("tags", [])]
        if reply.get("priority", 5) <= 2:
            calls.append(ToolCall("approval", {"request_text": f"Escalate: {reply['summary']}"}))
        return calls


DISPATCH = {"search": search, "approval": approval}
parser = ReplyParser()
prompts = [
    "As json: Customers report checkout failures after the payment gateway migration",
    "Give malformed output for the invoice question",
    "As json: Please add dark mode to the dashboard settings",
]
messages: list[dict[str, Any]] = []
for prompt in prompts:
    reply = parser.parse(prompt)
    messages.append({"role": "assistant", "content": json.dumps(reply, sort_keys=True)})
    for call in parser.to_calls(reply or {}):
        result = DISPATCH[call.name](**call.arguments)
        messages.append({"role": "tool", "name": call.name, "content": json.dumps(result)[:70]})

print(json.dumps(messages, indent=2))
print("repairs:", parser.failures)
print(f"{'role':<10}{'name':<10}len")
for m in messages:
    print(f"{m['role']:<10}{m.get('name', '-'):<10}{len(m['content'])}")
