class ToolError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

def call(n):
    if n % 3 == 0:
        raise ToolError(n, f"tool failed on {n}")
    if n % 5 == 0:
        raise KeyError(n)
    return n * 2

for n in range(1, 8):
    try:
        result = call(n)
    except ToolError as e:
        print("tool error", e.code, e)
    except (KeyError, ValueError) as e:
        print("lookup", repr(e))
    else:
        print("ok", result)
    finally:
        print("done", n)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
