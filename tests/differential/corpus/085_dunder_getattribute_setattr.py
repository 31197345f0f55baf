class Audited:
    def __init__(self):
        self.history = []
        self.value = 0
    def __setattr__(self, name, value):
        if name != "history":
            self.history.append((name, value))
        super().__setattr__(name, value)
a = Audited()
a.value = 5
a.value += 1
a.other = "x"
print(a.value, a.other, a.history)
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")
f = Frozen(x=1, y=2)
print(f.x, f.y)
for action in (lambda: setattr(f, "x", 9), lambda: delattr(f, "y")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class CountReads:
    def __init__(self):
        object.__setattr__(self, "reads", {})
        self.a = 1
    def __getattribute__(self, name):
        reads = object.__getattribute__(self, "reads")
        reads[name] = reads.get(name, 0) + 1
        return object.__getattribute__(self, name)
c = CountReads()
c.a; c.a; c.reads
print(object.__getattribute__(c, "reads"))
class Fallback:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom is missing")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback:{name}"
fb = Fallback()
print(fb.boom, fb.anything)
