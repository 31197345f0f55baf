try:
    raise ExceptionGroup("many", [ValueError("v"), KeyError("k"), TypeError("t")])
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* (KeyError, TypeError) as eg:
    print("others", sorted(type(e).__name__ for e in eg.exceptions))
e = ValueError("x"); e.add_note("note one"); print(e.__notes__)
