log = []
def attempt(action):
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("bad")
        if action == "return":
            return "returned from try"
    except ValueError:
        log.append("except")
        return "returned from except"
    else:
        log.append("else")
        return "returned from else"
    finally:
        log.append("finally")
for action in ["ok", "raise", "return"]:
    log.clear()
    print(action, "->", attempt(action), log)
def nested_finally():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested_finally()
def finally_sees_value():
    x = 1
    try:
        x = 2
        return x
    finally:
        x = 3
        print("finally x =", x)
print(finally_sees_value())
def counts():
    total = 0
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            total += i
        except ValueError:
            total += 100
        else:
            total += 1000
        finally:
            total += 10000
    return total
print(counts())
try:
    pass
except Exception:
    print("never")
else:
    print("else runs without exception")
