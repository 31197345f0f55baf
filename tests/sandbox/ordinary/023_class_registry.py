REGISTRY = {}

def register(name):
    def decorate(cls):
        REGISTRY[name] = cls
        return cls
    return decorate

@register("upper")
class Upper:
    def run(self, text):
        return text.upper()

@register("reverse")
class Reverse:
    def run(self, text):
        return text[::-1]

class Counter:
    count = 0
    def __init__(self):
        type(self).count += 1

for name in sorted(REGISTRY):
    print(name, REGISTRY[name]().run("agent"))
for _ in range(3):
    Counter()
print(Counter.count, Upper.__name__, Upper().run.__name__)
