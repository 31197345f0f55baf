# close() of generators paused in yield from: the delegate closed first (its
# finally waiting for an approval), then GeneratorExit raised in the outer
# one at its yield from (its finally waiting too); a host iterator delegate;
# a delegate whose cleanup raises; three levels deep; a return value on close.
log = []


def inner(name):
    try:
        yield f"{name}-1"
        yield f"{name}-2"
    finally:
        verdict = approval(f"archive {name}")
        log.append(("inner closed", name, verdict))
        print("inner finally", name, verdict, len(log))


def outer(name):
    try:
        got = yield from inner(name)
        log.append(("never", got))
    finally:
        print("outer finally", name, approval(f"close {name}"))


g = outer("a")
print(next(g))
g.close()
print(g.gi_frame is None, log[-1][:2])


def over_range():
    try:
        yield from range(5)
    finally:
        print("range finally", llm("summarize range")[:20])


r = over_range()
print(next(r), next(r))
r.close()


def bad_inner():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed: " + approval("cleanup"))


def catches():
    try:
        yield from bad_inner()
    except ValueError as e:
        print("outer saw", e)
        raise


c = catches()
next(c)
try:
    c.close()
except ValueError as e:
    print("close raised", e)


def level3():
    try:
        yield "deep"
    finally:
        print("level3", approval("l3"))


def level2():
    try:
        yield from level3()
    finally:
        print("level2", approval("l2"))


def level1():
    try:
        yield from level2()
    except GeneratorExit:
        print("level1 got GeneratorExit", approval("l1"))
        raise


d = level1()
print(next(d))
print(d.close())
print(len(log), [entry[0] for entry in log])
