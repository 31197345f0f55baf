# One attribute load in a hot loop meets script properties, plain attributes,
# __getattr__ fallbacks, a property whose getter raises AttributeError, a
# property added and removed while the loop runs, and a write-only property.
class Box:
    def __init__(self, n):
        self.n = n
    @property
    def size(self):
        return self.n * 2

class Plain:
    def __init__(self, n):
        self.size = n

class Lazy:
    def __getattr__(self, name):
        return f"lazy {name}"

class Fallback(Box):
    @property
    def size(self):
        raise AttributeError("no size yet")
    def __getattr__(self, name):
        return f"fallback {name}"

class Fixed(Box):
    size = 7

class Logged:  # a descriptor whose __get__ logs every call (natively: never with None here)
    def __get__(self, obj, owner=None):
        calls.append(obj is None)
        return 99

class Described(Box):
    size = Logged()

class WriteOnly:
    size = property(None, lambda self, v: None)

items = [Box(1), Plain(2), Lazy(), Fallback(3), Fixed(4), Described(5)] * 8
sizes, calls = [], []
for i, item in enumerate(items):
    if i == 20:
        Plain.size = property(lambda self: "now a property")
    if i == 30:
        del Plain.size
    sizes.append(item.size)
print(sizes[:6], sizes[24:30], sizes[30:36], len(calls), any(calls))
errors = []
for i in range(20):
    try:
        WriteOnly().size
    except AttributeError as e:
        errors.append(str(e))
print(errors[:1], len(errors))
