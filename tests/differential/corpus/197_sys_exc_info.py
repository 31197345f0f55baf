import sys
print(sys.exc_info())
try:
    raise TypeError("current")
except TypeError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], info[2] is not None)
print("after handler:", sys.exc_info())
def inspect_current():
    kind, value, _ = sys.exc_info()
    return f"{kind.__name__ if kind else None}: {value}"
try:
    {}["k"]
except KeyError:
    print("inside handler, helper sees", inspect_current())
print("outside, helper sees", inspect_current())
try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            print("innermost:", inspect_current())
        print("back in outer handler:", inspect_current())
except Exception:
    pass
def gen():
    try:
        raise IndexError("in generator")
    except IndexError:
        yield inspect_current()
    yield inspect_current()
print(list(gen()))
import traceback
try:
    raise RuntimeError("for format_exception_only")
except RuntimeError as e:
    print(traceback.format_exception_only(type(e), e))
