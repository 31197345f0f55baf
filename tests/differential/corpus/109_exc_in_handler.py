def bad_handler():
    try:
        raise ValueError("first")
    except ValueError as e:
        print("handling", e)
        return undefined_variable
try:
    bad_handler()
except NameError as e:
    print("NameError:", e, "| context:", repr(e.__context__))
def handler_uses_exception():
    try:
        {"a": 1}["b"]
    except KeyError as e:
        message = f"missing key {e}"
        raise LookupError(message)
try:
    handler_uses_exception()
except LookupError as e:
    print(e, type(e.__context__).__name__)
def except_clause_expression():
    errors = (ValueError, TypeError)
    try:
        int(None)
    except errors as e:
        print("caught via tuple variable:", type(e).__name__)
except_clause_expression()
def dynamic_handler(exc_type):
    try:
        raise KeyError("dyn")
    except exc_type:
        return "matched"
    except Exception:
        return "fallback"
print(dynamic_handler(KeyError), dynamic_handler(ValueError), dynamic_handler(LookupError))
try:
    try:
        raise ValueError("x")
    except 42:
        pass
except TypeError as e:
    print("TypeError:", e)
def name_cleared():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    return "err" in locals()
print("bound after except:", name_cleared())
