from dataclasses import dataclass

@dataclass
class Call:
    tool: str
    args: tuple

def route(event):
    match event:
        case {"type": "message", "text": str(text)} if text.strip():
            return f"message: {text}"
        case {"type": "message"}:
            return "empty message"
        case Call(tool="search", args=(query,)):
            return f"search for {query}"
        case Call(tool=name, args=[*rest]):
            return f"{name} with {len(rest)} args"
        case [first, *others]:
            return f"batch of {1 + len(others)} starting with {first}"
        case int(n) | float(n) if n < 0:
            return "negative"
        case _:
            return "unknown"

for event in [{"type": "message", "text": "hi"}, {"type": "message", "text": " "}, Call("search", ("cats",)),
              Call("mail", (1, 2)), [1, 2, 3], -4, 2.5]:
    print(route(event))
