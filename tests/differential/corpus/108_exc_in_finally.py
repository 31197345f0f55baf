def raise_in_finally():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")
try:
    raise_in_finally()
except KeyError as e:
    print("got", repr(e), "context:", repr(e.__context__))
def finally_after_return():
    try:
        return "value"
    finally:
        raise RuntimeError("finally beats return")
try:
    print(finally_after_return())
except RuntimeError as e:
    print("RuntimeError:", e, e.__context__)
def cleanup_chain():
    try:
        try:
            1 / 0
        finally:
            print("first cleanup")
            [][0]
    finally:
        print("second cleanup")
try:
    cleanup_chain()
except IndexError as e:
    print("IndexError:", e, "| context:", type(e.__context__).__name__)
def handler_then_finally():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
    finally:
        print("finally still runs")
try:
    handler_then_finally()
except TypeError as e:
    print("TypeError:", e, "| context:", e.__context__)
def finally_catches_own():
    try:
        raise ValueError("kept")
    finally:
        try:
            raise KeyError("local")
        except KeyError:
            print("handled inside finally")
try:
    finally_catches_own()
except ValueError as e:
    print("original survives:", e)
