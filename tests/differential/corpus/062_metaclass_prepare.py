class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("prepare", name)
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns, **kwargs):
        ns["fields"] = [k for k in ns if not k.startswith("__") and k != "injected"]
        return super().__new__(mcls, name, bases, dict(ns))
class Record(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    middle = 3
print(Record.fields, Record.injected)
class LoggingDict(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("define", key)
        super().__setitem__(key, value)
class LoggingMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return LoggingDict()
class Logged(metaclass=LoggingMeta):
    a = 1
    def f(self):
        return "f"
    a = 2
print(Logged.a, Logged().f())
class Final(type):
    def __new__(mcls, name, bases, ns):
        for b in bases:
            if isinstance(b, Final):
                raise TypeError(f"cannot subclass final class {b.__name__}")
        return super().__new__(mcls, name, bases, ns)
class Sealed(metaclass=Final):
    pass
try:
    class Attempt(Sealed):
        pass
except TypeError as e:
    print("TypeError:", e)
class AttrMeta(type):
    def __getattr__(cls, name):
        return f"meta-default-{name}"
    def __len__(cls):
        return 99
class Open(metaclass=AttrMeta):
    real = "real"
print(Open.real, Open.anything, len(Open))
