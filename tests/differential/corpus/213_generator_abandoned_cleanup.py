events = []
def resource(name):
    events.append(f"open {name}")
    try:
        for i in range(3):
            yield f"{name}-{i}"
    finally:
        events.append(f"close {name}")
for item in resource("a"):
    if item.endswith("1"):
        break
events.append("after loop a")
print(events)
events.clear()
first = next(resource("b"))
events.append(f"took {first}")
print(events)
events.clear()
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
gen_c = resource("c")
print(take(2, gen_c), events)
gen_c.close()
print(events)
events.clear()
def paired():
    with Guard("outer"):
        yield from resource("inner")
class Guard:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        events.append(f"enter {self.name}")
    def __exit__(self, *exc):
        events.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
p = paired()
print(next(p), next(p))
p.close()
print(events)
events.clear()
try:
    for item in resource("d"):
        raise ValueError(f"failed on {item}")
except ValueError as e:
    events.append(str(e))
print(events)
