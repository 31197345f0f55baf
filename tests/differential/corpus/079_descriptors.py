class Verbose:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        print(f"get {self.name} from {'class' if obj is None else 'instance'}")
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)
    def __set__(self, obj, value):
        print(f"set {self.name}={value}")
        obj.__dict__[self.name] = value
class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data value"
class Host:
    v = Verbose()
    nd = NonData()
h = Host()
print(h.v)
h.v = 5
print(h.v)
print(type(Host.v).__name__)
print(h.nd)
h.__dict__["nd"] = "instance wins over non-data"
print(h.nd)
h.__dict__["v"] = 99
print(h.v)
class Counter:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class Uses:
    hits = Counter()
u = Uses()
print(u.hits, u.hits, Uses.hits)
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
class Holder:
    answer = ReadOnly()
hh = Holder()
try:
    hh.answer = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hh.answer)
import functools
class Lazy:
    @functools.cached_property
    def expensive(self):
        print("computing expensive")
        return 1234
lz = Lazy()
print(lz.expensive, lz.expensive, "expensive" in vars(lz))
