class AppError(Exception):
    pass
class ConfigError(AppError):
    pass
def load_config(text):
    try:
        key, value = text.split("=")
    except ValueError as e:
        raise ConfigError(f"malformed line: {text!r}") from e
    return key.strip(), value.strip()
for line in ["a = 1", "broken", "x=y=z"]:
    try:
        print(load_config(line))
    except AppError as e:
        print(type(e).__name__, e)
        print("  cause:", type(e.__cause__).__name__, e.__cause__)
        print("  context is cause:", e.__context__ is e.__cause__)
try:
    raise ValueError("outer") from KeyError("explicit cause")
except ValueError as e:
    print(e, repr(e.__cause__), e.__context__)
try:
    raise RuntimeError("class cause") from IndexError
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError("bad") from 42
except TypeError as e:
    print("TypeError:", e)
def chain_depth(exc):
    depth = 0
    while exc is not None:
        print("  " * depth + f"{type(exc).__name__}: {exc}")
        exc = exc.__cause__ or exc.__context__
        depth += 1
try:
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("level 2") from e
    except ValueError:
        raise RuntimeError("level 3")
except RuntimeError as e:
    chain_depth(e)
