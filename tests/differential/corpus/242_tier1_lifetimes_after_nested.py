# When objects go after tier-1 code ran a call or a generator step nested:
# a generator left by `break` closes there (its finally runs), through
# `yield from` too; an argument, a call's result and a property's value go
# when the script drops them.
log = []

class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(f"del {self.name}")
    @property
    def child(self):
        return Res(self.name + ".child")

def pages(n):
    try:
        for i in range(n):
            yield i
    finally:
        log.append(f"closed {n}")

def outer(n):
    try:
        yield from pages(n)
    finally:
        log.append(f"outer {n}")

def consume(r):
    return len(r.name)

for n in range(3, 9):
    for p in pages(n):
        if p >= 1:
            break
    log.append(f"after {n}")
    for p in outer(n):
        break
    log.append(f"after outer {n}")
    tmp = Res(f"t{n}")
    consume(tmp)
    tmp = None
    log.append("dropped")
    consume(Res(f"arg{n}"))
    log.append("call done")
    size = consume(Res(f"p{n}").child)
    log.append(f"child {size}")
print(log[:14])
print(log[-14:])
