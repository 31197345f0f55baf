def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def order():
    events = []
    def inner():
        try:
            events.append("try")
            return events.append("return expr evaluated") or "value"
        finally:
            events.append("finally")
    result = inner()
    return result, events
print(order())
def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return f"returned at {i}"
        finally:
            print("finally at", i)
print(loop_return())
def nested():
    try:
        try:
            return "inner try"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested())
def mutate_returned():
    data = [1]
    try:
        return data
    finally:
        data.append(2)
print(mutate_returned())
def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("cleanup after except return")
print(except_return())
