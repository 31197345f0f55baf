def classify(value):
    match value:
        case int() | float() as number if number < 0:
            return f"negative {number}"
        case int(n) if n % 2 == 0:
            return f"even {n}"
        case int(n):
            return f"odd {n}"
        case [1, 2] | [3, 4] as pair:
            return f"known pair {pair}"
        case [(1 | 2) as first, *_]:
            return f"starts with {first}"
        case {"k": [_, _] as both}:
            return f"two-element k {both}"
        case str(s) if s.isdigit():
            return f"digits {s}"
        case str(s) if (length := len(s)) > 3:
            return f"long string of {length}"
        case (str() | bytes()) as text:
            return f"short text {text!r}"
    return "no match"
for v in [-3, -1.5, 4, 7, [1, 2], [3, 4], [2, 9, 9], {"k": [0, 0]}, "123", "hello", "hi", b"b", [5]]:
    print(repr(v), "->", classify(v))
calls = []
def check(tag, result):
    calls.append(tag)
    return result
match 5:
    case 1 if check("g1", True):
        pass
    case int() if check("g2", False):
        pass
    case int() if check("g3", True):
        print("third guard matched")
print(calls)
match [1, 2, 3]:
    case [a, b] | [a, b, _]:
        print("or-pattern binds", a, b)
x = "unchanged"
match 42:
    case str() as x:
        pass
    case _:
        print("x is", x)
