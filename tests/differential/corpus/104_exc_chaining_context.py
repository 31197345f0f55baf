def describe(e):
    parts = [f"{type(e).__name__}({e})"]
    if e.__cause__ is not None:
        parts.append(f"cause={type(e.__cause__).__name__}({e.__cause__})")
    if e.__context__ is not None:
        parts.append(f"context={type(e.__context__).__name__}({e.__context__})")
    parts.append(f"suppress={e.__suppress_context__}")
    return " ".join(parts)
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("b")
except ValueError as e:
    print(describe(e))
try:
    try:
        raise KeyError("a")
    finally:
        raise ValueError("from finally")
except ValueError as e:
    print(describe(e))
try:
    try:
        raise KeyError("a")
    except KeyError as k:
        raise ValueError("explicit") from k
except ValueError as e:
    print(describe(e))
def nested_handlers():
    try:
        raise OSError("one")
    except OSError:
        try:
            raise TypeError("two")
        except TypeError:
            raise RuntimeError("three")
try:
    nested_handlers()
except RuntimeError as e:
    print(describe(e))
    print(describe(e.__context__))
try:
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    raise KeyError("after handled")
except KeyError as e:
    print(describe(e))
err = ValueError("same")
try:
    try:
        raise err
    except ValueError:
        raise err
except ValueError as e:
    print(describe(e), e.__context__ is None)
