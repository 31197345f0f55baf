def handle(kind):
    try:
        if kind == "value":
            raise ValueError("v")
        raise KeyError("k")
    except ValueError:
        print("handling ValueError, then re-raising")
        raise
    except KeyError:
        print("swallowing KeyError")
for kind in ["key", "value"]:
    try:
        handle(kind)
    except ValueError as e:
        print("caller sees", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise_after_inner():
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise
try:
    reraise_after_inner()
except Exception as e:
    print("re-raised:", type(e).__name__, e)
def helper_reraise():
    raise
def call_helper():
    try:
        raise IndexError("from caller")
    except IndexError:
        helper_reraise()
try:
    call_helper()
except IndexError as e:
    print("helper re-raised:", e)
def in_finally():
    try:
        raise ValueError("in try")
    finally:
        print("finally runs before propagation")
try:
    in_finally()
except ValueError as e:
    print("propagated:", e)
