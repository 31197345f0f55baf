def parse(command):
    match command.split():
        case []:
            return "empty"
        case ["quit"]:
            return "quit"
        case ["go", direction]:
            return f"go {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"pick {item}"
        case ["drop", *items] if items:
            return f"drop {len(items)}: {', '.join(items)}"
        case ["say", first, *rest]:
            return f"say {first} (+{len(rest)} words)"
        case _:
            return f"unknown: {command!r}"
for c in ["", "quit", "go north", "pick up lamp", "take key", "drop a b c", "drop", "say hi there you", "dance"]:
    print(repr(c), "->", parse(c))
def shape(value):
    match value:
        case (x, y):
            return f"pair {x},{y}"
        case [x, y, z]:
            return f"triple {x},{y},{z}"
        case [first, *_, last]:
            return f"long {first}..{last}"
        case [single]:
            return f"single {single}"
        case _:
            return "not a sequence match"
for v in [(1, 2), [1, 2, 3], list(range(6)), [9], "ab", {"a": 1}, range(2), (1, [2, 3])]:
    print(repr(v), "->", shape(v))
def nested(v):
    match v:
        case [(a, b), [c, *d]]:
            return a + b + c + sum(d)
        case [[[deep]]]:
            return f"deep {deep}"
    return None
print(nested([(1, 2), [3, 4, 5]]), nested([[["x"]]]), nested([1]))
match (1, 2, 3):
    case (1, *rest):
        print("starred rest", rest)
