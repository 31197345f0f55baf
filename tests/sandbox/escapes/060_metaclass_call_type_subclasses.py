# A script metaclass: type's own methods fetched through it reach object's subclasses.
class Meta(type):
    def every(cls):
        return type.__subclasses__(cls.__mro__[-1])
class Base(metaclass=Meta):
    pass
for cls in Base.every():
    if cls.__name__ == "_wrap_close":
        cls.__init__.__globals__["mkdir"](SENTINEL)
