# Exceptions raised by script code that an attribute load or store reaches
# (a property, __setattr__, __getattr__) and by an empty closure cell, in hot
# loops: no exception context but the script's own.
class Record:
    def __init__(self, name):
        self.name = name

    @property
    def domain(self):
        if "." not in self.name:
            raise ValueError(f"{self.name}: no domain")
        return self.name.split(".")[-1]

    def __setattr__(self, key, value):
        if key == "locked":
            raise AttributeError(f"{key} is read-only")
        object.__setattr__(self, key, value)

    def __getattr__(self, key):
        raise KeyError(key)

seen = []
for i in range(30):
    r = Record(f"host{i}" if i % 3 else f"host{i}.org")
    try:
        seen.append(r.domain)
    except ValueError as e:
        seen.append((str(e), e.__context__, e.__cause__))
    try:
        r.locked = True
    except AttributeError as e:
        last_set = (str(e), e.__context__)
    try:
        r.missing
    except KeyError as e:
        last_get = (str(e), e.__context__)
print(seen[:4], last_set, last_get)

def make():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        result = (str(e), e.__context__)
    later = 1
    return result

print([make() for _ in range(20)][-1])
try:
    for i in range(20):
        Record("x").domain
except ValueError as e:
    print("outer", e, e.__context__)
