def inner():
    raise ExceptionGroup("inner", [ValueError("v"), ExceptionGroup("deep", [TypeError("t"), KeyError("k")])])
try:
    inner()
except* TypeError as eg:
    print("TypeError group:", eg.message, [type(e).__name__ for e in eg.exceptions])
    print("nested keeps structure:", type(eg.exceptions[0]).__name__, eg.exceptions[0].message)
except* (ValueError, KeyError) as eg:
    print("others:", sorted(repr(e) for g in [eg] for e in g.exceptions if not isinstance(e, BaseExceptionGroup)))
def reraise_part():
    try:
        raise ExceptionGroup("parts", [ValueError("keep"), OSError("pass on")])
    except* ValueError:
        print("dealt with ValueError")
    except* OSError:
        print("re-raising OSError part")
        raise
try:
    reraise_part()
except ExceptionGroup as e:
    print("outer got:", e.message, [str(x) for x in e.exceptions])
results = []
for payload in [[ValueError("a")], [KeyError("b")], [ValueError("c"), KeyError("d")]]:
    try:
        try:
            raise ExceptionGroup("p", payload)
        except* ValueError as eg:
            results.append(("V", len(eg.exceptions)))
    except* KeyError as eg:
        results.append(("K", len(eg.exceptions)))
print(results)
try:
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ValueError as eg:
        raise KeyError("new") from None
except* KeyError as eg:
    print("new exception:", [repr(e) for e in eg.exceptions])
def handler_count():
    count = 0
    try:
        raise ExceptionGroup("x", [ValueError(1), ValueError(2)])
    except* ValueError as eg:
        count += 1
    return count
print("handler ran", handler_count(), "time(s)")
