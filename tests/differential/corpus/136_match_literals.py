def describe(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case 3.5:
            return "three and a half"
        case b"raw":
            return "bytes"
        case _:
            return f"other: {value!r}"
for v in [0, 2, -1, "hello", True, None, 3.5, b"raw", 1.0, False, "x", 99]:
    print(repr(v), "->", describe(v))
def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case 500:
            return "server error"
    return "unknown"
print([http_status(c) for c in (200, 302, 404, 500, 418)])
import enum
class Color(enum.Enum):
    RED = "r"
    GREEN = "g"
def color_name(c):
    match c:
        case Color.RED:
            return "it is red"
        case Color.GREEN:
            return "it is green"
print(color_name(Color.RED), color_name(Color("g")), color_name("r"))
LIMIT = 10
match 10:
    case _ if LIMIT == 10:
        print("guard on wildcard")
match -0.0:
    case 0:
        print("-0.0 matches literal 0")
