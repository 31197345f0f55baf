# __init_subclass__ receives classes; object.__init_subclass__ is reached through it to object.
class Watcher:
    seen = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Watcher.seen.append(cls.__base__.__base__)
class Child(Watcher):
    pass
root = Watcher.seen[0]
for cls in root.__subclasses__():
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
