class Proxy:
    def __init__(self, target):
        self._target = target
        self.log = []
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.log)
class Defaults:
    known = "known"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return f"default for {name[4:]}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Defaults()
print(d.known, d.opt_color, getattr(d, "opt_size"))
print(hasattr(d, "other"), getattr(d, "other", "fallback"))
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
class Guarded:
    def __init__(self):
        object.__setattr__(self, "data", {})
    def __setattr__(self, name, value):
        print("setattr", name, value)
        self.data[name] = value
    def __getattr__(self, name):
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None
    def __delattr__(self, name):
        print("delattr", name)
        del self.data[name]
g = Guarded()
g.x = 1
g.y = 2
print(g.x + g.y, g.data)
del g.x
print(hasattr(g, "x"), sorted(g.data))
class Dyn:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dyn()))
class Attr:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return super().__getattribute__(name)
    real = "real value"
print(Attr().secret, Attr().real)
