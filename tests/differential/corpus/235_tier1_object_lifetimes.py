# Objects made and dropped in hot loops go when natively they would: their
# finalizers run, weak references die, closures let go of their cells.
import gc
import weakref

class Big:
    alive = 0
    def __init__(self):
        Big.alive += 1
    def __del__(self):
        Big.alive -= 1

def make():
    return Big()

def keep_closure():
    x = Big()
    def inner():
        return x
    inner()

def loop():
    seen = []
    for i in range(30):
        make()
        b = make()
        b = None
        d = {}
        d["k"] = Big()
        d = None
        keep_closure()
        seen.append(Big.alive)
    return seen

print(loop()[-3:], Big.alive)

def items():
    for i in range(3):
        yield Big()

def consume():
    t = 0
    for k in range(20):
        for obj in items():
            t += 1
    return t

print(consume(), Big.alive)
refs = []
for i in range(40):
    n = Big()
    refs.append(weakref.ref(n))
    n = None
gc.collect()
print(sum(1 for r in refs if r() is not None), Big.alive)
