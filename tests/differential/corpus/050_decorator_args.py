def repeat(times):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def hello(name):
    return f"hi {name}"
print(hello("ann"))
def retry(attempts, exceptions=(Exception,)):
    def decorator(fn):
        def wrapper(*args):
            for attempt in range(1, attempts + 1):
                try:
                    return fn(*args)
                except exceptions as exc:
                    print(f"attempt {attempt} failed: {exc}")
            return "gave up"
        return wrapper
    return decorator
state = {"calls": 0}
@retry(attempts=4, exceptions=(ValueError,))
def flaky():
    state["calls"] += 1
    if state["calls"] < 3:
        raise ValueError(f"not yet ({state['calls']})")
    return "success"
print(flaky())
@retry(2)
def always_fails():
    raise RuntimeError("boom")
print(always_fails())
def tag(name, **attrs):
    def decorator(fn):
        def wrapper(*a, **k):
            attr_text = "".join(f' {key}="{val}"' for key, val in attrs.items())
            return f"<{name}{attr_text}>{fn(*a, **k)}</{name}>"
        return wrapper
    return decorator
@tag("div", cls="box")
@tag("b")
def content(text):
    return text
print(content("bold"))
@(lambda fn: repeat(2)(fn))
def expr_decorated():
    return "x"
print(expr_decorated())
