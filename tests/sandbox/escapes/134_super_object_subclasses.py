# super() of a script class hands out object's methods.
class Plain:
    def root(self):
        return super().__class__.__mro__[-1]
for cls in type.__subclasses__(Plain().root()):
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
