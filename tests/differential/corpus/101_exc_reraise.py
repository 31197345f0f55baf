def risky(n):
    if n == 3:
        raise ValueError(f"bad value {n}")
    return n
def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print("logging failure for", n)
        raise
for n in [1, 3]:
    try:
        print("result", wrapper(n))
    except ValueError as e:
        print("caller got", e)
def transform():
    try:
        int("abc")
    except ValueError as e:
        raise RuntimeError("conversion failed") from e
try:
    transform()
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)
def reraise_stored():
    saved = None
    try:
        {}["missing"]
    except KeyError as e:
        saved = e
    print("outside handler, re-raising saved")
    raise saved
try:
    reraise_stored()
except KeyError as e:
    print("KeyError again:", e)
def reraise_different_type():
    try:
        raise ValueError("original")
    except ValueError as e:
        raise TypeError(str(e).upper())
try:
    reraise_different_type()
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
def suppress_context():
    try:
        raise ValueError("hidden")
    except ValueError:
        raise LookupError("visible") from None
try:
    suppress_context()
except LookupError as e:
    print(e, e.__cause__, e.__suppress_context__, repr(e.__context__))
