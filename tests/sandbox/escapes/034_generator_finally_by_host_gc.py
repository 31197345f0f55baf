# expect: no-escape
# A suspended generator's finally block, run when the host's collector closes it.
def gen():
    try:
        yield 1
    finally:
        open(SENTINEL, "w").close()
g = gen()
next(g)
cycle = [g]
cycle.append(cycle)
del g, cycle
