def level3(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return 1 / x
def level2(x):
    try:
        return level3(x)
    except ZeroDivisionError:
        print("level2 handled zero")
        return float("inf")
def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        print("level1 handled", e)
        return None
for v in [2, 0, -1]:
    print(v, level1(v))
try:
    try:
        try:
            raise TypeError("deep")
        except ValueError:
            print("wrong handler")
    except KeyError:
        print("wrong handler 2")
except TypeError as e:
    print("outermost caught", e)
def handler_raises():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError as inner:
            print("inner handled", inner)
        print("still in outer handler")
    return "done"
print(handler_raises())
results = []
for item in [1, "a", None, 4]:
    try:
        try:
            results.append(item * 2 + 1)
        except TypeError:
            results.append(str(item) * 2)
    except TypeError:
        results.append("both failed")
print(results)
