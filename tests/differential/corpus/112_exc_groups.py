eg = ExceptionGroup("batch failed", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(str(eg), repr(eg.message), len(eg.exceptions))
print([type(e).__name__ for e in eg.exceptions])
match, rest = eg.split(ValueError)
print("match:", [str(e) for e in match.exceptions], "rest:", [str(e) for e in rest.exceptions])
sub = eg.subgroup(lambda e: isinstance(e, TypeError))
print(sub.message, [repr(e) for e in sub.exceptions])
print(eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("b"), ValueError("c")])])
def walk(group, depth=0):
    print("  " * depth + f"{type(group).__name__}: {group.message}")
    for e in group.exceptions:
        if isinstance(e, BaseExceptionGroup):
            walk(e, depth + 1)
        else:
            print("  " * (depth + 1) + repr(e))
walk(nested)
vals, others = nested.split(ValueError)
walk(vals)
walk(others)
try:
    raise ExceptionGroup("caught normally", [OSError("disk")])
except ExceptionGroup as e:
    print("plain except caught:", e.message, e.exceptions)
bg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("x")])
print(type(bg).__name__, isinstance(bg, Exception))
eg2 = BaseExceptionGroup("only exceptions", [ValueError("z")])
print(type(eg2).__name__, isinstance(eg2, Exception))
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
derived = eg.derive([RuntimeError("r")])
print(derived.message, derived.exceptions)
