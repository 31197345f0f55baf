# __subclasses__ fetched from type's dict, not named as an attribute.
subclasses = type.__dict__["__subclasses__"]
for cls in subclasses(object):
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
        break
