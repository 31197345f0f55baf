def resilient():
    count = 0
    while True:
        try:
            yield count
            count += 1
        except ValueError as e:
            print("generator caught", e)
            count = 100
g = resilient()
print(next(g), next(g))
print(g.throw(ValueError("reset!")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated out of generator:", e)
print(next(g, "closed after unhandled throw"))
def fresh():
    yield 1
try:
    fresh().throw(RuntimeError("before start"))
except RuntimeError as e:
    print("thrown into unstarted:", e)
def cleanup():
    try:
        yield "working"
    finally:
        print("finally during throw")
c = cleanup()
next(c)
try:
    c.throw(TypeError("stop"))
except TypeError as e:
    print("TypeError:", e)
def converts():
    try:
        yield 1
    except ValueError as e:
        raise RuntimeError("converted") from e
cv = converts()
next(cv)
try:
    cv.throw(ValueError("original"))
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__))
def returns_on_throw():
    try:
        yield 1
    except GeneratorExit:
        raise
    except Exception:
        return "returned after throw"
r = returns_on_throw()
next(r)
try:
    r.throw(Exception("x"))
except StopIteration as e:
    print("StopIteration value:", e.value)
