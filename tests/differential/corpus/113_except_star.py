def risky():
    raise ExceptionGroup("many", [ValueError("bad value"), TypeError("bad type"), ValueError("worse value")])
try:
    risky()
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])
try:
    try:
        risky()
    except* ValueError:
        print("handled only ValueErrors")
except ExceptionGroup as rest:
    print("remaining:", rest.message, [repr(e) for e in rest.exceptions])
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked wrapped:", type(eg).__name__, eg.message, repr(eg.exceptions[0]))
try:
    try:
        raise ExceptionGroup("g", [KeyError("k")])
    except* KeyError:
        raise RuntimeError("handler failed")
except (RuntimeError, ExceptionGroup) as e:
    print("raised from handler:", type(e).__name__, e)
    print("context:", type(e.__context__).__name__, e.__context__)
def collect():
    errors = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(f"item {i}")
        except ValueError as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("collected", errors)
try:
    collect()
except* ValueError as eg:
    print("collected:", [str(e) for e in eg.exceptions])
try:
    raise ExceptionGroup("x", [OSError("io"), KeyError("k")])
except* (OSError, KeyError) as eg:
    print("tuple match:", len(eg.exceptions))
try:
    raise ExceptionGroup("all", [ValueError(1)])
except* ValueError:
    print("no binding")
else:
    print("not reached")
finally:
    print("finally after except*")
