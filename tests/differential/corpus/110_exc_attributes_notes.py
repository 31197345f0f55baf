e = ValueError("message", 42)
print(e.args, str(e), repr(e))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__notes__, caught.__traceback__ is not None)
oserr = OSError(2, "No such file")
print(oserr.errno, oserr.strerror, str(oserr), type(oserr).__name__)
print(type(FileNotFoundError(2, "x")).__name__, isinstance(FileNotFoundError(), OSError))
si = StopIteration("done")
print(si.value, si.args)
ke = KeyError("quoted")
print(str(ke), repr(ke), str(KeyError(1, 2)))
se = SystemExit(3)
print(se.code, isinstance(se, Exception), isinstance(se, BaseException))
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ue.encoding, ue.start, ue.end, ue.reason, str(ue))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as err:
    print("decode error:", err)
try:
    import this_module_does_not_exist
except ModuleNotFoundError as err:
    print(type(err).__name__, err.name, isinstance(err, ImportError))
try:
    "abc".nope
except AttributeError as err:
    print("AttributeError:", err, err.name if hasattr(err, "name") else "")
print(ArithmeticError.__subclasses__()[:3] == [FloatingPointError, OverflowError, ZeroDivisionError])
class Custom(Exception):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = "x"
c = Custom()
c.args = ("replaced",)
print(c, c.args, c.extra)
exc = RuntimeError("tb test")
print(exc.with_traceback(None) is exc)
