# A script's sys.stdout/sys.stderr replacements (contextlib's redirects, a
# plain assignment) hold across waits; a date's isocalendar() result keeps
# its type and fields.
import contextlib
import io
import sys
from datetime import date

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("before", wait(1))
    print("after", wait(2))
    with contextlib.redirect_stdout(io.StringIO()) as inner:
        print("inner", wait(3))
    print("outer again", inner.getvalue().strip())
print(repr(buf.getvalue()))

errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    print("warned", wait(4), file=sys.stderr)
print(repr(errors.getvalue()))

saved = sys.stdout
sys.stdout = log = io.StringIO()
print("to the log", wait(5))
sys.stdout = saved
print(repr(log.getvalue()), sys.stdout is saved)

iso = date(2024, 5, 1).isocalendar()
effect(wait(6))
print(type(iso).__name__, iso.week, iso.weekday, tuple(iso), iso)
