from collections import ChainMap

defaults = {"model": "small", "retries": 2, "timeout": 30}
overrides = {"retries": 5}
config = ChainMap(overrides, defaults)
print(config["model"], config["retries"], sorted(config))

def make_counter():
    count = 0
    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump

bump = make_counter()
print(bump(), bump(5), bump())
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
def outer():
    values = []
    def record(v):
        values.append(v)
        return record
    record(1)(2)(3)
    return values
print(outer())
