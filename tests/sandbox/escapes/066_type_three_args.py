# type(name, bases, dict): a class built at run time, then object's subclasses.
Built = type("Built", (object,), {"x": 1})
for cls in Built.__base__.__subclasses__():
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
