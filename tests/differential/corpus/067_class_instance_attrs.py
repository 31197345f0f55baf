class Config:
    debug = False
    tags = []
    limits = {"max": 10}
    def __init__(self, name):
        self.name = name
a = Config("a")
b = Config("b")
a.debug = True
print(a.debug, b.debug, Config.debug)
a.tags.append("shared!")
print(b.tags, Config.tags)
a.tags = ["own"]
print(a.tags, b.tags)
print(sorted(vars(a)), sorted(vars(b)))
del a.debug
print(a.debug)
try:
    del a.debug
except AttributeError as e:
    print("AttributeError:", e)
Config.new_attr = "added later"
print(a.new_attr, b.new_attr)
b.limits["max"] = 99
print(a.limits)
print("debug" in Config.__dict__, "name" in Config.__dict__, "name" in a.__dict__)
class Shadow:
    def method(self):
        return "method"
s = Shadow()
s.method = lambda: "instance attr"
print(s.method(), Shadow().method())
del s.method
print(s.method())
class Counter:
    n = 0
    def inc(self):
        self.n += 1
        return self.n
c1, c2 = Counter(), Counter()
print(c1.inc(), c1.inc(), c2.inc(), Counter.n)
print(getattr(Config, "debug"), getattr(a, "name"))
setattr(Config, "debug", "class-level")
print(b.debug, a.debug)
