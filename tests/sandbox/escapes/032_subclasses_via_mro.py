# object reached through a script class's __mro__.
class Plain:
    pass
root = Plain.__mro__[-1]
for cls in root.__subclasses__():
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
