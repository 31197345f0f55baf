def gen_with_handler():
    for i in range(4):
        try:
            if i == 2:
                raise ValueError(f"bad item {i}")
            yield i
        except ValueError as e:
            yield f"recovered from {e}"
print(list(gen_with_handler()))
def gen_raises():
    yield 1
    raise KeyError("gen failure")
g = gen_raises()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("KeyError:", e)
print(next(g, "exhausted after error"))
def gen_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("generator cleanup")
gf = gen_finally()
for v in gf:
    print("got", v)
    break
print("loop exited")
gf.close()
def stop_inside():
    yield 1
    raise StopIteration("explicit")
try:
    print(list(stop_inside()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)
def consumer():
    total = 0
    try:
        while True:
            x = yield total
            total += x
    except GeneratorExit:
        print("closing with total", total)
        raise
c = consumer()
next(c)
c.send(5)
c.send(6)
c.close()
def comp_error():
    return [10 // x for x in (2, 1, 0)]
try:
    comp_error()
except ZeroDivisionError as e:
    print("comprehension error:", e)
