# The script's print is the builtin: its repr, its errors, no binding as a method; sys.stdout is the script's output.
import sys

print(repr(print), print.__name__, print.__qualname__, print.__module__)
print("a", "b", sep="-", end="!\n")
try:
    print("x", **{"foo": 1})
except TypeError as e:
    print("error:", e)
try:
    print("x", sep=1)
except TypeError as e:
    print("error:", e)


class C:
    __init__ = print


C()
sys.stdout.write("written\n")
print("flushed", flush=True)
print(type(print).__name__, callable(print))
