def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("cannot divide", a, "by zero")
        return None
    else:
        print("divided fine")
        return result
    finally:
        print("finally for", a, b)
print(divide(6, 3))
print(divide(1, 0))
for value in ["10", "x", None, "3.5"]:
    try:
        n = int(value)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("parsed", n)
try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, repr(e))
try:
    raise ValueError("with", "args", 3)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise KeyError
except KeyError as e:
    print("bare class raised", repr(e), e.args)
e = "before"
try:
    raise RuntimeError("x")
except RuntimeError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
try:
    undefined_name
except NameError as err:
    print("NameError:", err)
